import { equal } from "node:assert/strict";
import { normalizePhone } from "../../../src/validate/values/phone_rules.ts";
import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (00 → +, drop (0), keep [+0-9]) and §4.4 (is_numeric).
testValueCases([
  ["phone-number", "+41225551234", "valid"],
  ["phone-number", "0041 (0)22 555 12 34", { stored: "+41225551234" }],
  ["whois-registrant-phone", "+1.202.555.0143", { stored: "+12025550143" }],
  ["prtn", "0900 123 456", { stored: "0900123456" }],
  ["phone-number", "call me", { error: "value.phone" }],
  ["phone-number", "12+34", { error: "value.phone" }],
]);

Deno.test("normalizePhone() turns only a leading 00 into +", () => {
  equal(normalizePhone("1200"), "1200");
  equal(normalizePhone("00 1 (0)2"), "+12");
});
