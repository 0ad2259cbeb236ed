/**
 * @module
 * Scalar conventions of MISP JSON: ids, timestamps and enums are strings, flags are booleans.
 * Input may carry either form (PyMISP and hand-written files send numbers); kura always writes MISP's form.
 */
import * as v from "valibot";

/** A MISP string scalar: accepts a string or a finite number and yields a string; null stays null. */
export const mispString = v.nullable(
  v.union([
    v.string(),
    v.pipe(v.number(), v.finite(), v.transform((n) => String(n))),
  ], "Expected a string or a number"),
);

/** A MISP flag: accepts booleans, 0/1 and "0"/"1"/"true"/"false" and yields a boolean. */
export const mispBoolean = v.pipe(
  v.union([v.boolean(), v.number(), v.string()], "Expected a boolean"),
  v.check(
    (flag) => typeof flag === "boolean" || BOOLEAN_TEXT.has(String(flag)),
    "Expected a boolean (true/false, 0/1)",
  ),
  v.transform((flag) => typeof flag === "boolean" ? flag : TRUE_TEXT.has(String(flag))),
);

const TRUE_TEXT = new Set(["1", "true"]);
const BOOLEAN_TEXT = new Set(["0", "1", "true", "false"]);

/** Optional string fields named in `keys`. */
export function stringFields<K extends string>(
  keys: readonly K[],
): { [P in K]: v.OptionalSchema<typeof mispString, undefined> } {
  return Object.fromEntries(keys.map((key) => [key, v.optional(mispString)])) as {
    [P in K]: v.OptionalSchema<typeof mispString, undefined>;
  };
}

/** Optional boolean fields named in `keys`. */
export function booleanFields<K extends string>(
  keys: readonly K[],
): { [P in K]: v.OptionalSchema<typeof mispBoolean, undefined> } {
  return Object.fromEntries(keys.map((key) => [key, v.optional(mispBoolean)])) as {
    [P in K]: v.OptionalSchema<typeof mispBoolean, undefined>;
  };
}
