/**
 * @module
 * E-mail addresses and similar identifiers (misp-behaviour.md §4.3–4.4). MISP deliberately uses a loose
 * pattern, `^.[^\s]*@.*\..*$`, so that partial addresses are accepted; only some of these types are
 * lower-cased.
 */
import { patternRule, type ValueRule } from "./value_rule.ts";

const EMAIL = /^.[^\s]*@.*\..*$/i;
const LOWER_CASED = new Set([
  "email",
  "email-src",
  "email-dst",
  "target-email",
  "whois-registrant-email",
]);
const TYPES = [...LOWER_CASED, "eppn", "dns-soa-email", "jabber-id"];

function emailRule(type: string): ValueRule {
  return patternRule({
    code: "value.email",
    noun: type === "jabber-id" ? "a jabber-id" : `an e-mail address (${type})`,
    normalize: LOWER_CASED.has(type) ? (value) => value.toLowerCase() : undefined,
    pattern: EMAIL,
    expected: "expected something@domain.tld without spaces before the @",
  });
}

/** Rules of the e-mail-like types, by type. */
export const EMAIL_RULES: ReadonlyMap<string, ValueRule> = new Map(
  TYPES.map((type) => [type, emailRule(type)]),
);
