/**
 * @module
 * What a per-type value rule is (misp-behaviour.md §4.3–4.4): MISP's normalisation of a trimmed value
 * and the check of the normalised value. Rules are built once at load time; checking a valid value
 * allocates nothing but the normalised string.
 */

/** One problem with a value: a rule code suffix, its severity and a message naming value and rule. */
export interface ValueProblem {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
}

/** The per-type rule: how MISP normalises a value and why a normalised value is refused. */
export interface ValueRule {
  /** MISP's per-type normalisation of a trimmed, refanged value (§4.3 step 4). */
  readonly normalize: (value: string) => string;
  /** The problems of a normalised value, {@link NO_PROBLEMS} when it is valid. */
  readonly check: (value: string, shown: Shown) => readonly ValueProblem[];
}

/**
 * How messages name a value: as written, or as a part of a composite value (`"zz" (the md5 part of
 * "a.exe|zz")`). Messages are built only for problems, so naming costs nothing for valid values.
 */
export type Shown = string | {
  readonly part: string;
  readonly name: string;
  readonly whole: string;
};

/** The quoted name of a value for a message. */
export function describeShown(shown: Shown): string {
  return typeof shown === "string"
    ? quote(shown)
    : `${quote(shown.part)} (the ${shown.name} part of ${quote(shown.whole)})`;
}

/** The shared empty result of a valid value (never mutated). */
export const NO_PROBLEMS: readonly ValueProblem[] = Object.freeze([]);

/** A normaliser that keeps the value as it is. */
export const unchanged = (value: string): string => value;

/** Options of {@link simpleRule}. */
export interface SimpleRuleOptions {
  /** Code suffix, e.g. `value.md5`. */
  readonly code: string;
  /** What a valid value is, e.g. `an md5`. */
  readonly noun: string;
  /** Returns why a normalised value is refused (`expected 32 hex characters`), or undefined. */
  readonly explain: (value: string) => string | undefined;
  readonly normalize?: (value: string) => string;
}

/** A rule with one code whose message reads `"<value>" is not <noun>: <why>`. */
export function simpleRule(options: SimpleRuleOptions): ValueRule {
  const { code, noun, explain } = options;
  return {
    normalize: options.normalize ?? unchanged,
    check(value, shown) {
      const why = explain(value);
      return why === undefined ? NO_PROBLEMS : [refusal(shown, { code, noun, why })];
    },
  };
}

/** Why a value is refused: the rule's code, what a valid value is, and what is wrong. */
export interface Refusal {
  readonly code: string;
  readonly noun: string;
  readonly why: string;
}

/** An error problem reading `"<value>" is not <noun>: <why>`. */
export function refusal(shown: Shown, reason: Refusal): ValueProblem {
  return {
    code: reason.code,
    severity: "error",
    message: `${describeShown(shown)} is not ${reason.noun}: ${reason.why}`,
  };
}

/** A rule built from a pattern the whole normalised value must match. */
export function patternRule(
  options: Omit<SimpleRuleOptions, "explain"> & { pattern: RegExp; expected: string },
): ValueRule {
  const { pattern, expected } = options;
  return simpleRule({ ...options, explain: (value) => pattern.test(value) ? undefined : expected });
}

/** `a`/`an` and the type name, for messages: `an md5`, `a sha1`, `an ip-src`. */
export function nounOf(type: string): string {
  return /^(?:[aeiou]|md5|x509|ss[dh]|rh|AS\b)/i.test(type) ? `an ${type}` : `a ${type}`;
}

const SHOWN_MAX = 60;
const SHOWN_HEAD = 45;
const SHOWN_TAIL = 10;

/** A value quoted for a message (JSON escapes, so line breaks show), shortened when long. */
export function quote(value: string): string {
  if (value.length <= SHOWN_MAX) return JSON.stringify(value);
  const head = value.slice(0, cutPoint(value, SHOWN_HEAD));
  const tail = value.slice(cutPoint(value, value.length - SHOWN_TAIL));
  return `${JSON.stringify(head).slice(0, -1)}…${JSON.stringify(tail).slice(1)}`;
}

/** Moves a cut off the middle of a surrogate pair. */
function cutPoint(value: string, at: number): number {
  const code = value.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}
