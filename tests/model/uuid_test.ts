import { deepEqual } from "node:assert/strict";
import { isCanonicalUuid, isUuid } from "../../src/model/mod.ts";

const cases: [string, unknown, boolean, boolean][] = [
  ["a lower-case v4 uuid", "5758ebf5-c898-48e6-9fe9-5665c0a83866", true, true],
  ["an upper-case uuid", "5758EBF5-C898-48E6-9FE9-5665C0A83866", true, false],
  [
    "a non-RFC handmade uuid (variant bits ignored, as MISP does)",
    "1b2a3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
    true,
    true,
  ],
  ["the string a", "a", false, false],
  ["an empty string", "", false, false],
  ["a uuid with braces", "{5758ebf5-c898-48e6-9fe9-5665c0a83866}", false, false],
  ["a path trick", "../../5758ebf5-c898-48e6-9fe9-5665c0a8", false, false],
  ["a number", 5, false, false],
];
for (const [what, value, valid, canonical] of cases) {
  Deno.test(`isUuid() is ${valid} and isCanonicalUuid() is ${canonical} for ${what}`, () => {
    deepEqual(isUuid(value), valid);
    deepEqual(isCanonicalUuid(value), canonical);
  });
}
