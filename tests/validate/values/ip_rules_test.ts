import { equal } from "node:assert/strict";
import { isPort, normalizeIpPort } from "../../../src/validate/values/ip_rules.ts";
import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (normalizeIp, refang of §10) and §4.4 (ip-src/ip-dst, port).
testValueCases([
  ["ip-src", "192.0.2.1", "valid"],
  ["ip-dst", "2001:db8::1", "valid"],
  ["ip-dst", "192.0.2.0/24", "valid"],
  ["ip-dst", "2001:db8::/32", "valid"],
  ["ip-dst", "2001:0DB8:0:0:0:0:0:1", { stored: "2001:db8::1" }],
  ["ip-dst", "192.0.2.1/32", { stored: "192.0.2.1" }],
  ["ip-src", "2001:db8::1/128", { stored: "2001:db8::1" }],
  ["ip-dst", "192.0.2[.]1", { stored: "192.0.2.1" }],
  ["ip-dst", "192.0.2(dot)1", { stored: "192.0.2.1" }],
  ["ip-dst", "192.0.2.256", { error: "value.ip" }],
  ["ip-dst", "192.0.2.01", { error: "value.ip" }],
  ["ip-dst", "example.com", { error: "value.ip" }],
  ["ip-dst", "192.0.2.0/33", { error: "value.ip" }],
  ["ip-dst", "2001:db8::/129", { error: "value.ip" }],
  ["ip-dst", "192.0.2.0/x", { error: "value.ip" }],
  ["ip-dst", "192.0.2.0/24/1", { error: "value.ip" }],
  ["ip-dst", "nope/24", { error: "value.ip" }],
  ["port", "443", "valid"],
  ["port", "1", "valid"],
  ["port", "65535", "valid"],
  ["port", "0", { error: "value.port" }],
  ["port", "65536", { error: "value.port" }],
  ["port", "-1", { error: "value.port" }],
  ["port", "http", { error: "value.port" }],
]);

// §4.3: every input form MISP accepts for ip-*|port, and what it stores.
const forms: [string, string][] = [
  ["192.0.2.1:80", "192.0.2.1|80"],
  ["192.0.2.1|80", "192.0.2.1|80"],
  ["2001:db8::1|80", "2001:db8::1|80"],
  ["[2001:db8::1]:80", "2001:db8::1|80"],
  ["2001:db8::1.80", "2001:db8::1|80"],
  ["2001:db8::1 port 80", "2001:db8::1|80"],
  ["2001:db8::1p80", "2001:db8::1|80"],
  ["2001:db8::1#80", "2001:db8::1|80"],
  ["2001:db8:0:0:0:0:0:1:80", "2001:db8::1|80"],
  ["192.0.2.1", "192.0.2.1"],
  // MISP would keep only the first two parts; kura leaves the value for the composite rule to refuse.
  ["192.0.2.1|80|90", "192.0.2.1|80|90"],
];
for (const [input, output] of forms) {
  Deno.test(`normalizeIpPort() turns ${input} into ${output}`, () => {
    equal(normalizeIpPort(input), output);
  });
}

Deno.test("isPort() takes digits from 1 to 65535 only", () => {
  equal(isPort("080"), true);
  equal(isPort("8 0"), false);
  equal(isPort("000080"), false);
  equal(isPort(""), false);
});
