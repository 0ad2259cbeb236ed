/**
 * @module
 * `hashes.csv`: `md5(value),event_uuid` for every value a feed event carries, so a consumer can look
 * values up without downloading events (misp-behaviour.md §3.1). Composite values (`filename|md5`,
 * `ip-dst|port`, and `malware-sample`) give one line per `|`-separated part, as PyMISP's
 * `hash_values` does. Soft-deleted attributes, and attributes of deleted objects, give none: a
 * lookup must not hit a retracted value.
 */
import type { Attribute, MispEvent } from "../model/mod.ts";
import { md5Hex } from "./md5.ts";

/** The hash lines of a feed event (cut and shaped), without newlines, sorted and without repeats. */
export function hashLinesOf(event: MispEvent): string[] {
  const uuid = event.uuid;
  if (typeof uuid !== "string") return [];
  const hashes = new Set<string>();
  const add = (attribute: Attribute) => {
    if (attribute.deleted === true || typeof attribute.value !== "string") return;
    const type = attribute.type ?? "";
    if (type.includes("|") || type === "malware-sample") {
      for (const part of attribute.value.split("|")) hashes.add(md5Hex(part));
    } else hashes.add(md5Hex(attribute.value));
  };
  for (const attribute of event.Attribute ?? []) add(attribute);
  for (const object of event.Object ?? []) {
    if (object.deleted === true) continue;
    for (const attribute of object.Attribute ?? []) add(attribute);
  }
  return [...hashes].sort().map((hash) => `${hash},${uuid}`);
}

/**
 * The text of `hashes.csv`: the lines of every event, events sorted by uuid, no header, a newline
 * after each line. Deterministic whatever the order of `events`.
 */
export function formatHashes(
  events: Iterable<{ readonly uuid: string; readonly hashLines: readonly string[] }>,
): string {
  const sorted = [...events].sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
  let text = "";
  for (const event of sorted) {
    for (const line of event.hashLines) text += `${line}\n`;
  }
  return text;
}
