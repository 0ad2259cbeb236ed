/**
 * @module
 * Per-type value rules (misp-behaviour.md §4.3–4.4), used by `validate/check_value.ts`.
 */
export { NO_PROBLEMS, quote, type ValueProblem, type ValueRule } from "./value_rule.ts";
export { RULE_FAMILIES, VALUE_RULES } from "./rule_table.ts";
export { refangValue } from "./refang.ts";
export { phpTrim, replaceFourByteCharacters } from "./php_text.ts";
