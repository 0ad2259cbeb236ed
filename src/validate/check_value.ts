/**
 * @module
 * Per-type value validation and normalisation (misp-behaviour.md §4.3–4.4). A value is normalised the
 * way MISP does before saving (trim, refang for the types §10 lists, 4-byte characters to `?`, the
 * type's own massage) and the result is checked by the type's rule. A valid value whose stored form
 * would differ gets a `value.normalisable` warning showing that form.
 */
import {
  NO_PROBLEMS,
  phpTrim,
  quote,
  refangValue,
  replaceFourByteCharacters,
  VALUE_RULES,
  type ValueProblem,
} from "./values/mod.ts";

export type { ValueProblem } from "./values/mod.ts";

/** What {@link checkValue} finds: the value as MISP would store it, and the problems. */
export interface ValueVerdict {
  readonly normalized: string;
  readonly problems: readonly ValueProblem[];
}

const ONLY_CONTROL = /^\p{Cc}+$/u;

/** Validates `value` for attribute `type` and returns MISP's normalised form of it. */
export function checkValue(type: string, value: string): ValueVerdict {
  const trimmed = phpTrim(value);
  if (trimmed === "") {
    return {
      normalized: "",
      problems: [{
        code: "value.empty",
        severity: "error",
        message: `${quote(value)} is not a ${type} value: it is empty or only whitespace`,
      }],
    };
  }
  const first = trimmed.charCodeAt(0);
  if ((first < 0x20 || (first >= 0x7f && first <= 0x9f)) && ONLY_CONTROL.test(trimmed)) {
    return {
      normalized: trimmed,
      problems: [{
        code: "value.control",
        severity: "error",
        message: `${quote(value)} is not a ${type} value: it holds only control characters`,
      }],
    };
  }
  const refanged = refangValue(type, trimmed);
  const safe = replaceFourByteCharacters(refanged);
  const rule = VALUE_RULES.get(type);
  // Unknown types are reported by the attribute rules; here they only get the generic steps.
  if (rule === undefined) return { normalized: safe, problems: NO_PROBLEMS };
  const normalized = rule.normalize(safe);
  const problems = rule.check(normalized, value);
  if (problems.length > 0 || normalized === value) return { normalized, problems };
  return {
    normalized,
    problems: [{
      code: "value.normalisable",
      severity: "warning",
      message: `${quote(value)} is valid but MISP stores it as ${quote(normalized)} (${
        reasons(value, trimmed, refanged, safe, normalized, type)
      })`,
    }],
  };
}

/** MISP's stored form of `value` for attribute `type` (unchanged steps for unknown types). */
export function normalizeValue(type: string, value: string): string {
  const safe = replaceFourByteCharacters(refangValue(type, phpTrim(value)));
  const rule = VALUE_RULES.get(type);
  return rule === undefined || safe === "" ? safe : rule.normalize(safe);
}

function reasons(
  value: string,
  trimmed: string,
  refanged: string,
  safe: string,
  normalized: string,
  type: string,
): string {
  const steps: string[] = [];
  if (trimmed !== value) steps.push("surrounding whitespace removed");
  if (refanged !== trimmed) steps.push("refanged");
  if (safe !== refanged) steps.push("4-byte characters such as emoji replaced by ?");
  if (normalized !== safe) steps.push(`normalised for ${type}`);
  return steps.join(", ");
}
