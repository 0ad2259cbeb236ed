/**
 * @module
 * JSON paths as kura prints them: `Event.Attribute[3].value`, `values[0]["dest-uuid"]` only when needed.
 */

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Appends a key or an array index to a path. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  if (PLAIN_KEY.test(key)) return base === "" ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** Builds a path from its segments. */
export function pathOf(...segments: (string | number)[]): string {
  let path = "";
  for (const segment of segments) path = childPath(path, segment);
  return path;
}
