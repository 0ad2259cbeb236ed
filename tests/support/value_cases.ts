/**
 * @module
 * Table-driven cases for per-type value rules: each row says what `checkValue(type, value)` must find.
 */
import { equal, ok } from "node:assert/strict";
import { checkValue } from "../../src/validate/mod.ts";

/**
 * What a value must give: `"valid"` (no problem, stored as written), `{ stored }` (valid, but MISP
 * stores another form: a `value.normalisable` warning showing it), or `{ error }` (an error with that
 * code whose message quotes the value).
 */
export type Outcome = "valid" | { stored: string } | { error: string };

/** One row: attribute type, value as written, expected outcome. */
export type ValueCase = readonly [type: string, value: string, outcome: Outcome];

/** Registers one test per row under `fn() …` names. */
export function testValueCases(cases: readonly ValueCase[]): void {
  for (const [type, value, outcome] of cases) {
    const shown = JSON.stringify(value.length > 50 ? `${value.slice(0, 47)}...` : value);
    const what = outcome === "valid"
      ? "accepts"
      : "stored" in outcome
      ? `normalises to ${JSON.stringify(outcome.stored)}`
      : `refuses with ${outcome.error}`;
    Deno.test(`checkValue() ${what} ${type} ${shown}`, () => expectOutcome(type, value, outcome));
  }
}

/** Asserts the outcome of one value. */
function expectOutcome(type: string, value: string, outcome: Outcome): void {
  const verdict = checkValue(type, value);
  const dump = JSON.stringify(verdict);
  if (outcome === "valid") {
    equal(verdict.problems.length, 0, dump);
    equal(verdict.normalized, value, dump);
  } else if ("stored" in outcome) {
    equal(verdict.normalized, outcome.stored, dump);
    equal(verdict.problems.length, 1, dump);
    const [problem] = verdict.problems;
    equal(problem!.code, "value.normalisable", dump);
    equal(problem!.severity, "warning", dump);
    ok(problem!.message.includes(JSON.stringify(outcome.stored).slice(0, 40)), dump);
  } else {
    const problem = verdict.problems.find((p) => p.code === outcome.error);
    ok(problem, `expected ${outcome.error}: ${dump}`);
    equal(problem.severity, "error", dump);
    const quoted = JSON.stringify(value.trim()).slice(1, 30);
    ok(problem.message.includes(quoted), `message should quote the value: ${dump}`);
  }
}
