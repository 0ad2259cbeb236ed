import { equal } from "node:assert/strict";
import { isDomain, normalizeDomain } from "../../../src/validate/values/domain_rules.ts";
import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (domain: lower-case, trim dots, punycode; hostname: lower-case; refang §10)
// and §4.4 (the domain pattern; onion-address with the §13.16 typo fixed).
testValueCases([
  ["domain", "example.com", "valid"],
  ["domain", "sub_domain.example.co", "valid"],
  ["domain", "Example.COM", { stored: "example.com" }],
  ["domain", ".example.com.", { stored: "example.com" }],
  ["domain", "example[.]com", { stored: "example.com" }],
  ["domain", "example[dot]com", { stored: "example.com" }],
  ["domain", "bücher.de", { stored: "xn--bcher-kva.de" }],
  ["domain", "example", { error: "value.domain" }],
  ["domain", "example.c", { error: "value.domain" }],
  ["domain", "exa mple.com", { error: "value.domain" }],
  ["domain", "http://example.com", { error: "value.domain" }],
  ["hostname", "www.example.com", "valid"],
  ["hostname", "WWW.Example.com", { stored: "www.example.com" }],
  ["hostname", "www[.]example[.]com", { stored: "www.example.com" }],
  // hostname is only lower-cased by MISP (no punycode), so a Unicode hostname is refused.
  ["hostname", "www.bücher.de", { error: "value.hostname" }],
  ["hostname", "www.example.com.", { error: "value.hostname" }],
  ["onion-address", "3g2upl4pq6kufc4m.onion", "valid"],
  // v3 (56 characters): refused by MISP's regex typo (§13.16), accepted here.
  ["onion-address", "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion", "valid"],
  ["onion-address", "3G2UPL4PQ6KUFC4M.onion", { stored: "3g2upl4pq6kufc4m.onion" }],
  ["onion-address", "3g2upl4pq6kufc4.onion", { error: "value.onion" }],
  ["onion-address", "3g2upl4pq6kufc4m.com", { error: "value.onion" }],
  ["onion-address", "3g2upl4pq6kufc41.onion", { error: "value.onion" }],
  // §4.4 link: FILTER_VALIDATE_URL with a scheme; §10 refang applies.
  ["link", "https://www.virustotal.com/gui/file/abc", "valid"],
  ["link", "hxxps://example[.]com/x", { stored: "https://example.com/x" }],
  ["link", "www.example.com", { error: "value.link" }],
]);

Deno.test("isDomain() needs a dot and a final label of two characters", () => {
  equal(isDomain("a.bc"), true);
  equal(isDomain("a.b"), false);
  equal(isDomain("a-b.c-d"), true);
});

Deno.test("normalizeDomain() keeps an invalid ASCII value as lower-cased text", () => {
  equal(normalizeDomain("NOT A DOMAIN"), "not a domain");
});
