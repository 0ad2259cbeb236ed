/**
 * @module
 * Telephone numbers: `phone-number`, `whois-registrant-phone` and `prtn` (premium-rate numbers)
 * (misp-behaviour.md §4.3–4.4): a leading `00` becomes `+`, `(0)` is dropped, then only `+` and digits
 * are kept, and the result must be numeric.
 */
import { isNumeric } from "./php_text.ts";
import { simpleRule, type ValueRule } from "./value_rule.ts";

const TRUNK_ZERO = /\(0\)/g;
const NOT_PHONE = /[^+0-9]+/g;

/** MISP's phone normalisation: `0041 (0)22 555 12 34` → `+41225551234`. */
export function normalizePhone(value: string): string {
  const international = value.startsWith("00") ? `+${value.slice(2)}` : value;
  return international.replace(TRUNK_ZERO, "").replace(NOT_PHONE, "");
}

function phoneRule(type: string): ValueRule {
  return simpleRule({
    code: "value.phone",
    noun: `a ${type}`,
    normalize: normalizePhone,
    explain: (value) =>
      isNumeric(value) ? undefined : "expected digits with an optional leading + or 00",
  });
}

/** Rules of the telephone types, by type. */
export const PHONE_RULES: ReadonlyMap<string, ValueRule> = new Map(
  ["phone-number", "whois-registrant-phone", "prtn"].map((type) => [type, phoneRule(type)]),
);
