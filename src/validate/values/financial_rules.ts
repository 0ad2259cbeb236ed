/**
 * @module
 * Financial identifiers (misp-behaviour.md §4.3–4.4): crypto-currency addresses, IBAN and BIC are
 * letters and digits (IBAN/BIC upper-cased with everything else dropped); card numbers and BINs keep
 * only their digits; account and routing numbers are numeric.
 */
import { isNumeric } from "./php_text.ts";
import { patternRule, simpleRule, type ValueRule } from "./value_rule.ts";

const ALPHANUMERIC = /^[a-zA-Z0-9]+$/;
const NOT_ALPHANUMERIC = /[^0-9A-Z]+/g;
const NOT_DIGIT = /[^0-9]+/g;

function alphanumericRule(type: string, normalize?: (value: string) => string): ValueRule {
  return patternRule({
    code: `value.${type}`,
    noun: type === "iban" ? "an iban" : `a ${type}`,
    normalize,
    pattern: ALPHANUMERIC,
    expected: "expected letters and digits only",
  });
}

function numericRule(type: string, normalize?: (value: string) => string): ValueRule {
  return simpleRule({
    code: `value.${type}`,
    noun: type === "aba-rtn" ? "an aba-rtn" : `a ${type}`,
    normalize,
    explain: (value) => isNumeric(value) ? undefined : "expected a number",
  });
}

const upperAlphanumeric = (value: string): string =>
  value.toUpperCase().replace(NOT_ALPHANUMERIC, "");
const digitsOnly = (value: string): string => value.replace(NOT_DIGIT, "");

/** Rules of the financial types (prtn is with the phone numbers), by type. */
export const FINANCIAL_RULES: ReadonlyMap<string, ValueRule> = new Map([
  ["btc", alphanumericRule("btc")],
  ["dash", alphanumericRule("dash")],
  ["xmr", alphanumericRule("xmr")],
  ["iban", alphanumericRule("iban", upperAlphanumeric)],
  ["bic", alphanumericRule("bic", upperAlphanumeric)],
  ["bank-account-nr", numericRule("bank-account-nr")],
  ["aba-rtn", numericRule("aba-rtn")],
  ["bin", numericRule("bin", digitsOnly)],
  ["cc-number", numericRule("cc-number", digitsOnly)],
]);
