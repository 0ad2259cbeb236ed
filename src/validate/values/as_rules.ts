/**
 * @module
 * Autonomous system numbers (misp-behaviour.md §4.3–4.4, §13.16): MISP strips an `AS` prefix (any case),
 * converts asdot `a.b` to `a×65536+b`, and stores the plain number, 0 to 4294967295.
 */
import { isDigits } from "./php_text.ts";
import { simpleRule, type ValueRule } from "./value_rule.ts";

const MAX_AS = 4294967295;

/** MISP's AS normalisation: no `AS` prefix, asplain. */
export function normalizeAs(value: string): string {
  const plain = value.slice(0, 2).toUpperCase() === "AS" ? value.slice(2) : value;
  const dot = plain.indexOf(".");
  if (dot !== -1) {
    const high = plain.slice(0, dot);
    const low = plain.slice(dot + 1);
    if (isDigits(high) && isDigits(low)) return String(Number(high) * 65536 + Number(low));
  }
  return plain;
}

/** Rule of the `AS` type. */
export const AS_RULES: ReadonlyMap<string, ValueRule> = new Map([
  [
    "AS",
    simpleRule({
      code: "value.as",
      noun: "an AS number",
      normalize: normalizeAs,
      explain: (value) =>
        isDigits(value) && value.length <= 10 && Number(value) <= MAX_AS
          ? undefined
          : "expected a whole number from 0 to 4294967295, optionally written AS1234 or as asdot 1.10",
    }),
  ],
]);
