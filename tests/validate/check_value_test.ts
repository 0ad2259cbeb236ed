import { deepEqual, equal, match } from "node:assert/strict";
import { ATTRIBUTE_TYPES } from "../../src/catalog/mod.ts";
import { checkValue, normalizeValue } from "../../src/validate/mod.ts";
import { testValueCases } from "../support/value_cases.ts";

const MD5 = "d41d8cd98f00b204e9800998ecf8427e";
const SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const hex = (n: number) => "0123456789abcdef".repeat(10).slice(0, n);

/** A typical valid value for every type whose rule is not "any one line of text". */
const SAMPLES: Record<string, string> = {
  md5: MD5,
  sha1: SHA1,
  sha256: hex(64),
  "filename|md5": `a.exe|${MD5}`,
  "filename|sha1": `a.exe|${SHA1}`,
  "filename|sha256": `a.exe|${hex(64)}`,
  "ip-src": "192.0.2.1",
  "ip-dst": "2001:db8::1",
  hostname: "www.example.com",
  domain: "example.com",
  "domain|ip": "example.com|192.0.2.1",
  email: "a@example.com",
  "email-src": "a@example.com",
  eppn: "a@example.edu",
  "email-dst": "a@example.com",
  float: "1.5",
  "git-commit-id": SHA1,
  "http-method": "GET",
  "ja3-fingerprint-md5": MD5,
  "jarm-fingerprint": hex(62),
  "hassh-md5": MD5,
  "hasshserver-md5": MD5,
  "regkey|value": "HKLM\\Run|x",
  AS: "64496",
  "dom-hash": MD5,
  "ssh-fingerprint": MD5,
  vulnerability: "CVE-2024-12345",
  weakness: "CWE-79",
  "malware-sample": `a.exe|${MD5}`,
  link: "https://example.com/",
  hex: "AB",
  "target-email": "a@example.com",
  btc: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
  dash: "XpESxaUmonkq8RaLLp46Brx2K39ggQe226",
  xmr: "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx",
  iban: "CH9300762011623852957",
  bic: "UBSWCHZH80A",
  "bank-account-nr": "12345678",
  "aba-rtn": "011000015",
  bin: "411111",
  "cc-number": "4111111111111111",
  prtn: "+41900123456",
  "phone-number": "+41225551234",
  authentihash: hex(64),
  vhash: "015076655d155d15z3bz",
  ssdeep: "3:abc:def",
  imphash: MD5,
  telfhash: hex(70),
  pehash: SHA1,
  impfuzzy: "48:abc:def",
  sha224: hex(56),
  sha384: hex(96),
  sha512: hex(128),
  "sha512/224": hex(56),
  "sha512/256": hex(64),
  "sha3-224": hex(56),
  "sha3-256": hex(64),
  "sha3-384": hex(96),
  "sha3-512": hex(128),
  tlsh: "t1" + hex(70),
  cdhash: hex(40),
  "filename|authentihash": `a.exe|${hex(64)}`,
  "filename|vhash": "a.exe|015076655d155d15z3bz",
  "filename|ssdeep": "a.exe|3:abc:def",
  "filename|imphash": `a.exe|${MD5}`,
  "filename|impfuzzy": "a.exe|48:abc:def",
  "filename|pehash": `a.exe|${SHA1}`,
  "filename|sha224": `a.exe|${hex(56)}`,
  "filename|sha384": `a.exe|${hex(96)}`,
  "filename|sha512": `a.exe|${hex(128)}`,
  "filename|sha512/224": `a.exe|${hex(56)}`,
  "filename|sha512/256": `a.exe|${hex(64)}`,
  "filename|sha3-224": `a.exe|${hex(56)}`,
  "filename|sha3-256": `a.exe|${hex(64)}`,
  "filename|sha3-384": `a.exe|${hex(96)}`,
  "filename|sha3-512": `a.exe|${hex(128)}`,
  "filename|tlsh": `a.exe|t1${hex(70)}`,
  "whois-registrant-email": "a@example.com",
  "whois-registrant-phone": "+41225551234",
  "x509-fingerprint-sha1": SHA1,
  "x509-fingerprint-md5": MD5,
  "x509-fingerprint-sha256": hex(64),
  "dns-soa-email": "hostmaster@example.com",
  "size-in-bytes": "1024",
  counter: "3",
  integer: "-3",
  datetime: "2024-03-01T12:00:00.000000+0000",
  port: "443",
  "ip-dst|port": "192.0.2.1|443",
  "ip-src|port": "192.0.2.1|443",
  "hostname|port": "www.example.com|443",
  "mac-address": "00:1a:2b:3c:4d:5e",
  "mac-eui-64": "00:1a:2b:ff:fe:3c:4d:5e",
  "jabber-id": "a@jabber.example.org",
  cortex: "{}",
  boolean: "1",
  uuid: "5c7cdc3b-2f40-4dca-8200-276c0a00020f",
  anonymised: "person a",
  "onion-address": "3g2upl4pq6kufc4m.onion",
  "windows-service-name": "Spooler",
  "windows-service-displayname": "Print Spooler",
};

for (const type of ATTRIBUTE_TYPES) {
  const value = SAMPLES[type] ?? "some text";
  Deno.test(`checkValue() accepts a typical ${type} value as MISP stores it`, () => {
    deepEqual(checkValue(type, value), { normalized: value, problems: [] });
  });
}

// misp-behaviour.md §4.1 (value required, not only control characters) and §4.3 steps 2-4.
testValueCases([
  ["text", "", { error: "value.empty" }],
  ["md5", " \n\t", { error: "value.empty" }],
  ["text", "\u0001\u0002", { error: "value.control" }],
  ["text", "  padded  ", { stored: "padded" }],
  // PHP trim keeps a non-breaking space, so MISP stores it.
  ["text", "\u00a0x", "valid"],
  ["comment", "launch 🚀 now", { stored: "launch ? now" }],
]);

Deno.test("checkValue() says why MISP would store another form", () => {
  const [problem] = checkValue("url", " hxxp://evil[.]example ").problems;
  match(
    problem!.message,
    /^" hxxp:\/\/evil\[\.\]example " is valid but MISP stores it as "http:\/\/evil\.example" \(surrounding whitespace removed, refanged\)$/,
  );
});

Deno.test("checkValue() shortens long values in messages", () => {
  const [problem] = checkValue("md5", "x".repeat(500)).problems;
  equal(problem!.code, "value.md5");
  equal(problem!.message.length < 200, true);
  match(problem!.message, /…/);
});

Deno.test("checkValue() gives only the generic steps to an unknown type", () => {
  deepEqual(checkValue("no-such-type", " x "), { normalized: "x", problems: [] });
});

Deno.test("checkValue() reports an invalid value without a normalisable warning", () => {
  const verdict = checkValue("md5", "ABC");
  deepEqual(verdict.problems.map((p) => p.code), ["value.md5"]);
  equal(verdict.normalized, "abc");
});

Deno.test("normalizeValue() returns MISP's stored form, the same as checkValue()", () => {
  const inputs: [string, string][] = [
    ["md5", ` ${MD5.toUpperCase()} `],
    ["url", "hxxp://a[.]example"],
    ["AS", "AS1.10"],
    ["ip-dst|port", "[2001:0db8::1]:80"],
    ["text", "   "],
    ["md5", "not a hash"],
  ];
  for (const [type, value] of inputs) {
    equal(normalizeValue(type, value), checkValue(type, value).normalized, `${type} ${value}`);
  }
});
