/**
 * @module
 * Free-text types (misp-behaviour.md §4.4): one-line types, which refuse a line break (MISP checks for
 * `\n`; a lone `\r` is refused here too, as it breaks a line just the same), and anything-goes types,
 * which take any non-empty text (rules, patterns, bodies, names).
 */
import { hasLineBreak } from "./php_text.ts";
import { NO_PROBLEMS, refusal, unchanged, type ValueRule } from "./value_rule.ts";

/** One-line types. */
export const ONE_LINE_TYPES: readonly string[] = [
  "url",
  "uri",
  "user-agent",
  "regkey",
  "filename",
  "pdb",
  "target-user",
  "target-machine",
  "target-org",
  "target-location",
  "target-external",
  "campaign-name",
  "campaign-id",
  "threat-actor",
  "email-subject",
  "malware-type",
  "windows-scheduled-task",
  "whois-registrant-name",
  "whois-registrant-org",
  "whois-registrar",
  "whois-creation-date",
  "date-of-birth",
  "place-of-birth",
  "gender",
  "passport-number",
  "passport-country",
  "passport-expiration",
  "redress-number",
  "nationality",
  "visa-number",
  "issue-date-of-the-visa",
  "primary-residence",
  "country-of-residence",
  "special-service-request",
  "frequent-flyer-number",
  "travel-details",
  "payment-details",
  "place-port-of-original-embarkation",
  "place-port-of-clearance",
  "place-port-of-onward-foreign-destination",
  "passenger-name-record-locator-number",
  "email-dst-display-name",
  "email-src-display-name",
  "email-reply-to",
  "email-x-mailer",
  "email-mime-boundary",
  "email-thread-index",
  "email-message-id",
  "github-username",
  "github-repository",
  "github-organisation",
  "twitter-id",
  "dkim",
  "dkim-signature",
  "favicon-mmh3",
  "chrome-extension-id",
  // Newer than MISP 2.5.1's table; treated like its sibling chrome-extension-id.
  "edge-extension-id",
  "mobile-application-id",
  "azure-application-id",
  "named pipe",
];

/** Anything-goes types. */
export const FREE_TEXT_TYPES: readonly string[] = [
  "text",
  "comment",
  "other",
  "attachment",
  "mutex",
  "process-state",
  "snort",
  // Newer than MISP 2.5.1's table; a rule language like snort.
  "suricata",
  "bro",
  "zeek",
  "community-id",
  "anonymised",
  "pattern-in-file",
  "pattern-in-traffic",
  "pattern-in-memory",
  "filename-pattern",
  "pgp-public-key",
  "pgp-private-key",
  "yara",
  "stix2-pattern",
  "sigma",
  "gene",
  "kusto-query",
  "mime-type",
  "identity-card-number",
  "cookie",
  "cpe",
  "email-attachment",
  "email-body",
  "email-header",
  "first-name",
  "middle-name",
  "last-name",
  "full-name",
];

const LINE_BREAK_WHY = "it must be one line but contains a line break";

/** A one-line rule for `type` (also used for composite parts such as the filename of filename|md5). */
export function oneLineRule(type: string): ValueRule {
  const noun = `a valid ${type}`;
  return {
    normalize: unchanged,
    check: (value, shown) =>
      hasLineBreak(value)
        ? [refusal(shown, { code: "value.newline", noun, why: LINE_BREAK_WHY })]
        : NO_PROBLEMS,
  };
}

/** Any text. */
export const FREE_TEXT_RULE: ValueRule = { normalize: unchanged, check: () => NO_PROBLEMS };

/** `anonymised` is free text that MISP lower-cases (§4.3). */
const ANONYMISED_RULE: ValueRule = {
  normalize: (value) => value.toLowerCase(),
  check: () => NO_PROBLEMS,
};

/** Rules of the free-text types, by type. */
export const TEXT_RULES: ReadonlyMap<string, ValueRule> = new Map([
  ...ONE_LINE_TYPES.map((type) => [type, oneLineRule(type)] as [string, ValueRule]),
  ...FREE_TEXT_TYPES.map((type) =>
    [type, type === "anonymised" ? ANONYMISED_RULE : FREE_TEXT_RULE] as [string, ValueRule]
  ),
]);
