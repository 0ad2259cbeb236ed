import { equal } from "node:assert/strict";
import {
  HASH_HEX_LENGTH,
  isImpfuzzy,
  isSsdeep,
  isTlsh,
} from "../../../src/validate/values/hash_rules.ts";
import { testValueCases, type ValueCase } from "../../support/value_cases.ts";

const MD5 = "d41d8cd98f00b204e9800998ecf8427e";
const SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const hex = (n: number) => "0123456789abcdef".repeat(10).slice(0, n);
const TLSH = "t1" + hex(70);

// misp-behaviour.md §4.4 HASH_HEX_LENGTH: every fixed-length hash type, at its length and off by one.
const fixedLength: ValueCase[] = Object.entries(HASH_HEX_LENGTH).flatMap(([type, length]) =>
  [
    [type, hex(length), "valid"],
    [type, hex(length - 1), { error: `value.${type}` }],
    [type, hex(length + 1), { error: `value.${type}` }],
    [type, "g" + hex(length - 1), { error: `value.${type}` }],
  ] as ValueCase[]
);

testValueCases([
  ...fixedLength,
  ["md5", MD5, "valid"],
  ["sha1", SHA1, "valid"],
  ["sha256", SHA256, "valid"],
  ["md5", "d41d8cd9", { error: "value.md5" }],
  // §4.3: hashes are lower-cased; surrounding whitespace is trimmed first.
  ["md5", MD5.toUpperCase(), { stored: MD5 }],
  ["sha256", `  ${SHA256}\n`, { stored: SHA256 }],
  ["imphash", MD5.toUpperCase(), { stored: MD5 }],
  // §4.3: git-commit-id is not lower-cased, and ctype_xdigit accepts upper case.
  ["git-commit-id", SHA1.toUpperCase(), "valid"],
  // §4.3: x509 fingerprints lose their colons and are lower-cased.
  ["x509-fingerprint-md5", MD5.toUpperCase().match(/../g)!.join(":"), { stored: MD5 }],
  ["x509-fingerprint-sha1", SHA1, "valid"],
  // §4.4 tlsh: optional t (T1 prefix) and more than 35 hex characters.
  ["tlsh", TLSH, "valid"],
  ["tlsh", TLSH.toUpperCase(), { stored: TLSH }],
  ["tlsh", hex(36), "valid"],
  ["tlsh", hex(35), { error: "value.tlsh" }],
  ["tlsh", "x1" + hex(70), { error: "value.tlsh" }],
  // §4.4 telfhash: 70 or 72 characters.
  ["telfhash", hex(70), "valid"],
  ["telfhash", hex(72), "valid"],
  ["telfhash", hex(71), { error: "value.telfhash" }],
  // §4.4 ssdeep: blocksize:hash:hash.
  [
    "ssdeep",
    "96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrJzrhuyZvHYm8tKp/RWO",
    "valid",
  ],
  ["ssdeep", "3:a:b", "valid"],
  ["ssdeep", "3::", "valid"],
  ["ssdeep", "a:b:c", { error: "value.ssdeep" }],
  ["ssdeep", "3:ab", { error: "value.ssdeep" }],
  // A real fixture (to_delete2.json) has an ssdeep broken by \r\n: MISP refuses it too.
  ["ssdeep", "3072:abc\r\ndef:ghi", { error: "value.ssdeep" }],
  // §4.4 impfuzzy: exactly two colons, integer first part.
  ["impfuzzy", "48:abc:def", "valid"],
  ["impfuzzy", "x:abc:def", { error: "value.impfuzzy" }],
  ["impfuzzy", "48:abc", { error: "value.impfuzzy" }],
  ["impfuzzy", "48:a:b:c", { error: "value.impfuzzy" }],
  // §4.4 cdhash: 40 or more hex; lower-cased.
  ["cdhash", hex(40), "valid"],
  ["cdhash", hex(50), "valid"],
  ["cdhash", hex(39), { error: "value.cdhash" }],
  ["cdhash", hex(40).toUpperCase(), { stored: hex(40) }],
  // §4.4 vhash: any one line; lower-cased.
  ["vhash", "015076655d155d15z3bz", "valid"],
  ["vhash", "a\nb", { error: "value.vhash" }],
  ["pehash", SHA1, "valid"],
  ["pehash", MD5, { error: "value.pehash" }],
]);

Deno.test("isTlsh(), isSsdeep(), isImpfuzzy() agree with the §4.4 rules on edge cases", () => {
  equal(isTlsh("t" + hex(36)), true);
  equal(isTlsh("t"), false);
  equal(isSsdeep("12:+/:/+"), true);
  equal(isSsdeep("12:a-b:c"), false);
  equal(isImpfuzzy(":a:b"), false);
  equal(isImpfuzzy("0::"), true);
});
