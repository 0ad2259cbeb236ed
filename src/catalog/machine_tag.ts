/**
 * @module
 * Machine tags `namespace:predicate` and `namespace:predicate="value"` (misp-formats.md §1.4), parsed
 * and formatted exactly: nothing is trimmed or normalised, so `formatMachineTag(parseMachineTag(t))`
 * gives back `t` byte for byte. Predicates may hold `:` and spaces (`tlp:ex:chr`), values may hold
 * spaces, `:`, `=`, `"` and non-ASCII, so the tag is split at the first `:` and the first `="`, and a
 * value runs to the final `"` — never with a naive regex.
 */

/** The parts of a machine tag. */
export interface MachineTag {
  /** Everything before the first `:`; never empty. */
  readonly namespace: string;
  /** Between the first `:` and the first `="` (or the end); never empty. */
  readonly predicate: string;
  /** Between the first `="` and the final `"`; undefined for `namespace:predicate` tags. */
  readonly value?: string;
}

/** Splits a tag name into namespace, predicate and value; undefined when it is not a machine tag. */
export function parseMachineTag(name: string): MachineTag | undefined {
  const colon = name.indexOf(":");
  if (colon <= 0) return undefined;
  const namespace = name.slice(0, colon);
  const rest = name.slice(colon + 1);
  const open = rest.indexOf('="');
  if (open > 0 && rest.length >= open + 3 && rest.endsWith('"')) {
    return { namespace, predicate: rest.slice(0, open), value: rest.slice(open + 2, -1) };
  }
  if (rest === "") return undefined;
  return { namespace, predicate: rest };
}

/** Writes a machine tag back as its name: `namespace:predicate` or `namespace:predicate="value"`. */
export function formatMachineTag(tag: MachineTag): string {
  const head = `${tag.namespace}:${tag.predicate}`;
  return tag.value === undefined ? head : `${head}="${tag.value}"`;
}
