import { equal } from "node:assert/strict";
import { FREE_TEXT_TYPES, ONE_LINE_TYPES } from "../../../src/validate/values/text_rules.ts";
import { testValueCases, type ValueCase } from "../../support/value_cases.ts";

// misp-behaviour.md §4.4: one-line types refuse a line break; anything-goes types take any text.
testValueCases([
  ...ONE_LINE_TYPES.flatMap((type): ValueCase[] => [
    [type, "one line", "valid"],
    [type, "two\nlines", { error: "value.newline" }],
  ]),
  ["url", "http://a.example/x\rb", { error: "value.newline" }],
  ...FREE_TEXT_TYPES.filter((type) => type !== "anonymised").map((type): ValueCase => [
    type,
    "rule x {\n  condition: true\n}",
    "valid",
  ]),
  // §4.3: anonymised values are lower-cased.
  ["anonymised", "Person A", { stored: "person a" }],
  // §10 refang applies to url (hxxp, [.], [:]) but not to uri.
  ["url", "hxxps[:]//evil[.]example/x", { stored: "https://evil.example/x" }],
  ["url", "meow://evil.example/x", { stored: "http://evil.example/x" }],
  ["uri", "hxxp://evil[.]example", "valid"],
]);

Deno.test("ONE_LINE_TYPES and FREE_TEXT_TYPES do not overlap", () => {
  equal(ONE_LINE_TYPES.filter((type) => FREE_TEXT_TYPES.includes(type)).length, 0);
});
