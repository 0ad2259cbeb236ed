/**
 * @module
 * Per-type value validation and normalisation (misp-behaviour.md §4.3–4.4). Placeholder seam: only the
 * generic rules live here until the per-type table lands.
 */

/** One problem with a value: a rule code suffix, its severity and a message naming value and rule. */
export interface ValueProblem {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** What {@link checkValue} finds: the value as MISP would store it, and the problems. */
export interface ValueVerdict {
  readonly normalized: string;
  readonly problems: readonly ValueProblem[];
}

/** Validates `value` for attribute `type` and returns MISP's normalised form of it. */
export function checkValue(type: string, value: string): ValueVerdict {
  const problems: ValueProblem[] = [];
  if (value.trim() === "") {
    problems.push({
      code: "value.empty",
      severity: "error",
      message: `The ${type} value is empty`,
    });
  }
  return { normalized: value.trim(), problems };
}
