/**
 * @module
 * Domains, hostnames, onion addresses and links (misp-behaviour.md §4.3–4.4): MISP's domain pattern
 * `^[A-Z0-9.\-_]+\.[A-Z0-9\-]{2,}$` (case-insensitive), lower-casing, and for `domain` the trimming of
 * dots and conversion of internationalised names to punycode.
 */
import { trimChar } from "./php_text.ts";
import { explainUrl } from "./url_check.ts";
import { patternRule, simpleRule, type ValueRule } from "./value_rule.ts";

const DOMAIN = /^[A-Z0-9.\-_]+\.[A-Z0-9\-]{2,}$/i;
const NON_ASCII = /[\u0080-\uffff]/;

/** True when MISP's domain pattern accepts `value`. */
export function isDomain(value: string): boolean {
  return DOMAIN.test(value);
}

/**
 * MISP's `domain` normalisation: lower-case, trim dots, and when that is still not a valid domain,
 * punycode (`idn_to_ascii`, UTS #46). The URL parser does the same IDNA mapping without I/O.
 */
export function normalizeDomain(value: string): string {
  const trimmed = trimChar(value.toLowerCase(), ".");
  if (isDomain(trimmed) || !NON_ASCII.test(trimmed)) return trimmed;
  return toPunycode(trimmed) ?? trimmed;
}

/** The ASCII (punycode) form of an internationalised domain name, or undefined. */
export function toPunycode(domain: string): string | undefined {
  if (/[\s/?#@:%\\[\]]/.test(domain)) return undefined;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

function explainDomain(value: string): string | undefined {
  if (isDomain(value)) return undefined;
  if (NON_ASCII.test(value)) {
    const ascii = toPunycode(value);
    return ascii !== undefined && isDomain(ascii)
      ? `expected letters, digits, "-", "_" and "." only; write it in punycode: ${ascii}`
      : 'expected letters, digits, "-", "_" and "." only';
  }
  return value.includes(".")
    ? 'expected labels of letters, digits, "-" and "_" ending in a top-level label of 2 or more characters'
    : 'expected at least two labels separated by "."';
}

/** `domain` (and the domain part of `domain|ip`). */
export const DOMAIN_RULE: ValueRule = simpleRule({
  code: "value.domain",
  noun: "a domain",
  normalize: normalizeDomain,
  explain: explainDomain,
});

/** `hostname` (and the host part of `hostname|port`): lower-cased only, no punycode (§4.3). */
export const HOSTNAME_RULE: ValueRule = simpleRule({
  code: "value.hostname",
  noun: "a hostname",
  normalize: (value) => value.toLowerCase(),
  explain: explainDomain,
});

/** Rules of the domain-like types, by type. */
export const DOMAIN_RULES: ReadonlyMap<string, ValueRule> = new Map([
  ["domain", DOMAIN_RULE],
  ["hostname", HOSTNAME_RULE],
  [
    "onion-address",
    // MISP's pattern has a typo (`{56)`, §13.16) that refuses every v3 address; the intended pattern
    // (16 or 56 base32 characters) is used here.
    patternRule({
      code: "value.onion",
      noun: "an onion-address",
      normalize: (value) => value.toLowerCase(),
      pattern: /^(?:[a-z2-7]{16}|[a-z2-7]{56})\.onion$/,
      expected: "expected 16 (v2) or 56 (v3) base32 characters followed by .onion",
    }),
  ],
  ["link", simpleRule({ code: "value.link", noun: "a link", explain: explainUrl })],
]);
