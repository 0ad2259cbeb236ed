import { equal } from "node:assert/strict";
import { normalizeMac } from "../../../src/validate/values/mac_rules.ts";
import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (lower-case, strip `.:- `, `:` every two) and §4.4 (6 or 8 hex pairs).
testValueCases([
  ["mac-address", "00:1a:2b:3c:4d:5e", "valid"],
  ["mac-address", "00-1A-2B-3C-4D-5E", { stored: "00:1a:2b:3c:4d:5e" }],
  ["mac-address", "001a.2b3c.4d5e", { stored: "00:1a:2b:3c:4d:5e" }],
  ["mac-address", "001A2B3C4D5E", { stored: "00:1a:2b:3c:4d:5e" }],
  ["mac-address", "00:1a:2b:3c:4d", { error: "value.mac" }],
  ["mac-address", "00:1a:2b:3c:4d:5g", { error: "value.mac" }],
  ["mac-eui-64", "00:1a:2b:ff:fe:3c:4d:5e", "valid"],
  ["mac-eui-64", "001A2BFFFE3C4D5E", { stored: "00:1a:2b:ff:fe:3c:4d:5e" }],
  ["mac-eui-64", "00:1a:2b:3c:4d:5e", { error: "value.mac" }],
]);

Deno.test("normalizeMac() regroups an odd number of digits without losing any", () => {
  equal(normalizeMac("abc"), "ab:c");
});
