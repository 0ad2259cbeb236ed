/**
 * @module
 * Composite types, `a|b` (misp-behaviour.md §4.2–4.4): the value must hold exactly one `|`, and each
 * part is normalised and checked by the rule of its own type (the md5 of `filename|md5` by the md5
 * rule, the IP of `domain|ip` by the IP rule…). Some types first reshape the whole value (`ip:port` →
 * `ip|port`, `host:port` → `host|port`).
 */
import { DOMAIN_RULE, HOSTNAME_RULE } from "./domain_rules.ts";
import { HASH_RULES } from "./hash_rules.ts";
import { normalizeIpPort, PLAIN_IP_RULE, PORT_RULE } from "./ip_rules.ts";
import { FREE_TEXT_RULE, oneLineRule } from "./text_rules.ts";
import {
  NO_PROBLEMS,
  nounOf,
  refusal,
  type Shown,
  unchanged,
  type ValueProblem,
  type ValueRule,
} from "./value_rule.ts";

/** One part of a composite type. */
interface Part {
  /** Name used in messages: `the md5 part`. */
  readonly name: string;
  readonly rule: ValueRule;
}

/** Options of {@link compositeRule}. */
interface CompositeOptions {
  /** Reshapes the whole value before it is split (MISP's per-type massage). */
  readonly reshape?: (value: string) => string;
}

/** The position of the only `|`, or -1 when there is none or more than one. */
function onlyBar(value: string): number {
  const at = value.indexOf("|");
  return at !== -1 && value.indexOf("|", at + 1) === -1 ? at : -1;
}

function countBars(value: string): number {
  let n = 0;
  for (let at = value.indexOf("|"); at !== -1; at = value.indexOf("|", at + 1)) n++;
  return n;
}

/** A rule for `type` whose value is `first|second`. */
export function compositeRule(
  type: string,
  [first, second]: readonly [Part, Part],
  options: CompositeOptions = {},
): ValueRule {
  const reshape = options.reshape ?? unchanged;
  const noun = nounOf(type);
  return {
    normalize(value) {
      const whole = reshape(value);
      const bar = onlyBar(whole);
      if (bar === -1) return whole;
      const a = whole.slice(0, bar);
      const b = whole.slice(bar + 1);
      const na = first.rule.normalize(a);
      const nb = second.rule.normalize(b);
      return na === a && nb === b ? whole : `${na}|${nb}`;
    },
    check(value, shown) {
      const bar = onlyBar(value);
      if (bar === -1) {
        const why = `expected ${first.name}|${second.name} with exactly one "|", found ${
          countBars(value)
        }`;
        return [refusal(shown, { code: "value.composite", noun, why })];
      }
      const a = value.slice(0, bar);
      const b = value.slice(bar + 1);
      const problems = [...partProblems(first, a, shown), ...partProblems(second, b, shown)];
      return problems.length === 0 ? NO_PROBLEMS : problems;
    },
  };

  function partProblems(part: Part, text: string, shown: Shown): readonly ValueProblem[] {
    if (text === "") {
      const why = `the ${part.name} part is empty`;
      return [refusal(shown, { code: "value.composite", noun, why })];
    }
    // Checked first with the plain text, so a valid part costs no allocation; a refused part is
    // checked again to be named within the whole value.
    if (part.rule.check(text, text).length === 0) return NO_PROBLEMS;
    const whole = typeof shown === "string" ? shown : shown.whole;
    return part.rule.check(text, { part: text, name: part.name, whole });
  }
}

const FILENAME: Part = { name: "filename", rule: oneLineRule("filename") };
const HASHED_FILE_TYPES = [
  "md5",
  "sha1",
  "sha256",
  "authentihash",
  "vhash",
  "ssdeep",
  "imphash",
  "impfuzzy",
  "pehash",
  "sha224",
  "sha384",
  "sha512",
  "sha512/224",
  "sha512/256",
  "sha3-224",
  "sha3-256",
  "sha3-384",
  "sha3-512",
  "tlsh",
];

const ipPort = (type: string): [string, ValueRule] => [
  type,
  compositeRule(type, [{ name: "ip", rule: PLAIN_IP_RULE }, { name: "port", rule: PORT_RULE }], {
    reshape: normalizeIpPort,
  }),
];

/** The md5 of a malware-sample, checked but not lower-cased: MISP leaves this value as it is. */
const SAMPLE_MD5: ValueRule = { ...HASH_RULES.get("md5")!, normalize: unchanged };

/** Rules of the composite types, by type. */
export const COMPOSITE_RULES: ReadonlyMap<string, ValueRule> = new Map([
  // filename|impfuzzy has no case in MISP's validation and throws (§13.16); the filename and
  // impfuzzy rules are applied like for every other filename|<hash>.
  ...HASHED_FILE_TYPES.map((hash) =>
    [
      `filename|${hash}`,
      compositeRule(`filename|${hash}`, [FILENAME, { name: hash, rule: HASH_RULES.get(hash)! }]),
    ] as [string, ValueRule]
  ),
  [
    "domain|ip",
    compositeRule("domain|ip", [{ name: "domain", rule: DOMAIN_RULE }, {
      name: "ip",
      rule: PLAIN_IP_RULE,
    }]),
  ],
  ipPort("ip-src|port"),
  ipPort("ip-dst|port"),
  [
    "hostname|port",
    compositeRule("hostname|port", [{ name: "hostname", rule: HOSTNAME_RULE }, {
      name: "port",
      rule: PORT_RULE,
    }], { reshape: (value) => value.toLowerCase().replaceAll(":", "|") }),
  ],
  [
    "regkey|value",
    compositeRule("regkey|value", [{ name: "regkey", rule: oneLineRule("regkey") }, {
      name: "value",
      rule: oneLineRule("regkey|value"),
    }]),
  ],
  [
    "malware-sample",
    compositeRule("malware-sample", [{ name: "filename", rule: FREE_TEXT_RULE }, {
      name: "md5",
      rule: SAMPLE_MD5,
    }]),
  ],
]);
