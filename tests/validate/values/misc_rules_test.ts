import { equal } from "node:assert/strict";
import { isSshFingerprint } from "../../../src/validate/values/misc_rules.ts";
import { testValueCases } from "../../support/value_cases.ts";

const SHA256_FP = "SHA256:" + "A".repeat(43);

// misp-behaviour.md §4.3 (hex and http-method upper-cased) and §4.4.
testValueCases([
  ["hex", "DEADBEEF", "valid"],
  ["hex", "deadbeef", { stored: "DEADBEEF" }],
  ["hex", "0xdead", { error: "value.hex" }],
  ["http-method", "GET", "valid"],
  ["http-method", "post", { stored: "POST" }],
  ["http-method", "FETCH", { error: "value.http-method" }],
  ["ssh-fingerprint", SHA256_FP, "valid"],
  ["ssh-fingerprint", "MD5:d4:1d:8c:d9:8f:00:b2:04:e9:80:09:98:ec:f8:42:7e", "valid"],
  ["ssh-fingerprint", "d41d8cd98f00b204e9800998ecf8427e", "valid"],
  ["ssh-fingerprint", "SHA256:short", { error: "value.ssh-fingerprint" }],
  ["cortex", '{"analyzer": "x"}', "valid"],
  ["cortex", "{not json", { error: "value.cortex" }],
  ["windows-service-name", "Spooler", "valid"],
  ["windows-service-displayname", "Print Spooler", "valid"],
  ["windows-service-name", "C:\\svc", { error: "value.windows-service" }],
  ["windows-service-name", "a/b", { error: "value.windows-service" }],
  ["windows-service-name", "x".repeat(257), { error: "value.windows-service" }],
  ["uuid", "5c7cdc3b-2f40-4dca-8200-276c0a00020f", "valid"],
  ["uuid", "not-a-uuid", { error: "value.uuid" }],
]);

Deno.test("isSshFingerprint() accepts 43 base64 characters with an optional pad", () => {
  equal(isSshFingerprint(`${SHA256_FP}=`), true);
  equal(isSshFingerprint(`${SHA256_FP}==`), false);
});
