/**
 * @module
 * Numeric types (misp-behaviour.md §4.3–4.4): `float` (PHP `is_numeric`), `integer`, `size-in-bytes` and
 * `counter` (whole numbers ≥ 0), and `boolean` (0/1, with true/false written as 1/0).
 */
import { isDigits, isNumeric } from "./php_text.ts";
import { simpleRule, type ValueRule } from "./value_rule.ts";

const INTEGER = /^-?[0-9]+$/;

/**
 * MISP turns `true`/`false` into 1/0, and then *any* other non-empty value but "0" into 1 (PHP
 * truthiness), so `yes` or `no` would silently become 1. Here only 0, 1, true and false are accepted
 * and anything else is refused rather than guessed.
 */
function normalizeBoolean(value: string): string {
  const lower = value.toLowerCase();
  return lower === "true" ? "1" : lower === "false" ? "0" : value;
}

/** Rules of the numeric types, by type. */
export const NUMBER_RULES: ReadonlyMap<string, ValueRule> = new Map([
  [
    "float",
    simpleRule({
      code: "value.float",
      noun: "a float",
      explain: (value) => isNumeric(value) ? undefined : "expected a number such as 3.14 or 1e-3",
    }),
  ],
  [
    "integer",
    // MISP checks `is_int`, which is false for every string, so it refuses all JSON values (§13.16).
    // The intended rule, a whole number with an optional minus sign, is used instead.
    simpleRule({
      code: "value.integer",
      noun: "an integer",
      explain: (value) => INTEGER.test(value) ? undefined : "expected a whole number such as -42",
    }),
  ],
  ...["size-in-bytes", "counter"].map((type) =>
    [
      type,
      simpleRule({
        code: `value.${type}`,
        noun: `a ${type}`,
        explain: (value) => isDigits(value) ? undefined : "expected a whole number of 0 or more",
      }),
    ] as [string, ValueRule]
  ),
  [
    "boolean",
    simpleRule({
      code: "value.boolean",
      noun: "a boolean",
      normalize: normalizeBoolean,
      explain: (value) =>
        value === "0" || value === "1"
          ? undefined
          : `expected 0, 1, true or false (MISP would silently store it as ${
            value === "" || value === "0" ? "0" : "1"
          })`,
    }),
  ],
]);
