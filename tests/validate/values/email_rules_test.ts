import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (lower-casing of some e-mail types, refang of §10) and §4.4 (`^.[^\s]*@.*\..*$`).
testValueCases([
  ["email", "alice@example.com", "valid"],
  ["email-src", "Alice@Example.com", { stored: "alice@example.com" }],
  ["email-dst", "alice[at]example[.]com", { stored: "alice@example.com" }],
  ["email-src", "alice[@]example.com", { stored: "alice@example.com" }],
  ["target-email", "BOB@EXAMPLE.ORG", { stored: "bob@example.org" }],
  ["whois-registrant-email", "X@Y.Z", { stored: "x@y.z" }],
  // eppn, dns-soa-email and jabber-id are not lower-cased.
  ["eppn", "Alice@Example.edu", "valid"],
  ["dns-soa-email", "hostmaster@example.com", "valid"],
  ["jabber-id", "Alice@jabber.example.org", "valid"],
  // Refang of [at] applies only to email, email-src and email-dst.
  ["target-email", "bob[at]example.org", { error: "value.email" }],
  ["email", "alice", { error: "value.email" }],
  ["email", "alice@localhost", { error: "value.email" }],
  ["email", "al ice@example.com", { error: "value.email" }],
  ["email", "@example.com", { error: "value.email" }],
]);
