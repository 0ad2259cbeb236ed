import { equal, match } from "node:assert/strict";
import { checkValue } from "../../../src/validate/mod.ts";
import { testValueCases } from "../../support/value_cases.ts";

const MD5 = "d41d8cd98f00b204e9800998ecf8427e";
const SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// misp-behaviour.md §4.2 (exactly one "|"), §4.3 (per-type massage) and §4.4 (each part's rule).
testValueCases([
  ["filename|md5", `invoice.exe|${MD5}`, "valid"],
  ["filename|sha256", `C:\\Temp\\a b.exe|${SHA256}`, "valid"],
  ["filename|md5", `Invoice.EXE|${MD5.toUpperCase()}`, { stored: `Invoice.EXE|${MD5}` }],
  ["filename|md5", "invoice.exe", { error: "value.composite" }],
  ["filename|md5", `a|b|${MD5}`, { error: "value.composite" }],
  ["filename|md5", `|${MD5}`, { error: "value.composite" }],
  ["filename|md5", "invoice.exe|", { error: "value.composite" }],
  ["filename|md5", `invoice.exe|${SHA1}`, { error: "value.md5" }],
  ["filename|sha1", `two\nlines.exe|${SHA1}`, { error: "value.newline" }],
  ["filename|pehash", `a.exe|${SHA1}`, "valid"],
  ["filename|ssdeep", "a.exe|3:abc:def", "valid"],
  ["filename|ssdeep", "a.exe|abc", { error: "value.ssdeep" }],
  ["filename|tlsh", `a.exe|T1${"A".repeat(70)}`, { stored: `a.exe|t1${"a".repeat(70)}` }],
  ["filename|vhash", "a.exe|015076655d155d15z3bz", "valid"],
  // filename|impfuzzy throws in MISP 2.5.1 (§13.16); here both parts are checked by their rules.
  ["filename|impfuzzy", "a.exe|48:abc:def", "valid"],
  ["filename|impfuzzy", "a.exe|abc", { error: "value.impfuzzy" }],
  ["domain|ip", "example.com|192.0.2.1", "valid"],
  ["domain|ip", "Example.COM.|2001:DB8::1", { stored: "example.com|2001:db8::1" }],
  ["domain|ip", "example[.]com|192.0.2[.]1", { stored: "example.com|192.0.2.1" }],
  ["domain|ip", "example.com|192.0.2.0/24", { error: "value.ip" }],
  ["domain|ip", "example|192.0.2.1", { error: "value.domain" }],
  ["ip-dst|port", "192.0.2.1|443", "valid"],
  ["ip-dst|port", "192.0.2.1:443", { stored: "192.0.2.1|443" }],
  ["ip-src|port", "[2001:0db8::1]:8080", { stored: "2001:db8::1|8080" }],
  ["ip-dst|port", "192.0.2.1|0", { error: "value.port" }],
  ["ip-dst|port", "192.0.2.999|80", { error: "value.ip" }],
  ["ip-dst|port", "192.0.2.1", { error: "value.composite" }],
  ["hostname|port", "www.example.com|443", "valid"],
  ["hostname|port", "WWW.example.com:443", { stored: "www.example.com|443" }],
  ["hostname|port", "www.example.com|https", { error: "value.port" }],
  ["regkey|value", "HKLM\\Software\\Run|%TEMP%\\a.exe", "valid"],
  ["regkey|value", "HKLM\\Software\\Run|a\nb", { error: "value.newline" }],
  ["malware-sample", `sample.exe|${MD5}`, "valid"],
  // MISP does not lower-case a malware-sample value.
  ["malware-sample", `sample.exe|${MD5.toUpperCase()}`, "valid"],
  // The PyMISP input form (value = file name only, mispevent_testfiles/malware.json) is refused.
  ["malware-sample", "bar.exe", { error: "value.composite" }],
]);

Deno.test("checkValue() names the part, the whole value and the part's rule in a composite message", () => {
  const [problem] = checkValue("filename|md5", "a.exe|zz").problems;
  equal(problem?.code, "value.md5");
  match(problem!.message, /^"zz" \(the md5 part of "a\.exe\|zz"\) is not an md5: expected 32 hex/);
});

Deno.test("checkValue() reports both parts when both are wrong", () => {
  const codes = checkValue("domain|ip", "nodot|999.1.1.1").problems.map((p) => p.code);
  equal(codes.join(","), "value.domain,value.ip");
});
