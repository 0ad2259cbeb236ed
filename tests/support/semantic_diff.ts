/**
 * @module
 * Compares MISP JSON as written by someone else with the same data as kura wrote it back, allowing only
 * what kura is meant to change: MISP's scalar coercions (numbers to strings, 0/1 and "0"/"1" to
 * booleans) and the canonical reordering of children by uuid. Everything else counts as a loss.
 */

/** Arrays kura reorders by uuid (see `canonicalEvent`); their items are matched regardless of order. */
const REORDERED = new Set(["Attribute", "Object", "ObjectReference", "EventReport"]);

/** Every difference between `original` and `written`, as `path: what` lines; empty when equivalent. */
export function semanticDiff(original: unknown, written: unknown): string[] {
  const found: string[] = [];
  compare(original, written, "", found);
  return found;
}

function compare(a: unknown, b: unknown, path: string, found: string[]): void {
  if (a === b || isCoercion(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      found.push(`${path}: ${a.length} items became ${b.length}`);
      return;
    }
    const key = path.slice(path.lastIndexOf(".") + 1);
    if (REORDERED.has(key)) matchUnordered(a, b, path, found);
    else a.forEach((item, i) => compare(item, b[i], `${path}[${i}]`, found));
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b)) found.push(`${path}.${key}: lost`);
      else compare(a[key], b[key], `${path}.${key}`, found);
    }
    for (const key of Object.keys(b)) if (!(key in a)) found.push(`${path}.${key}: added`);
    return;
  }
  found.push(`${path}: ${short(a)} became ${short(b)}`);
}

function matchUnordered(a: unknown[], b: unknown[], path: string, found: string[]): void {
  const used = new Set<number>();
  a.forEach((item, i) => {
    const j = b.findIndex((candidate, k) =>
      !used.has(k) && semanticDiff(item, candidate).length === 0
    );
    if (j === -1) found.push(`${path}[${i}]: no equivalent item was written`);
    else used.add(j);
  });
}

/** MISP's coercions: a number written as its string, a 0/1 flag written as a boolean. */
function isCoercion(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "string") return String(a) === b;
  if (typeof b === "boolean") {
    const flag = b ? 1 : 0;
    return a === flag || a === String(flag) || a === String(b);
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? "nothing";
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
