import { equal } from "node:assert/strict";
import { REFANGED_TYPES, refangValue } from "../../../src/validate/values/refang.ts";

// misp-behaviour.md §10, refang table: each rule applies only to the types it lists.
const cases: [string, string, string][] = [
  ["url", "hxxp://a.example", "http://a.example"],
  // Only the matched prefix is replaced, so the case of the rest is kept, as in MISP.
  ["url", "HXXPS://a.example", "httpS://a.example"],
  ["link", "h[tt]ps://a.example", "https://a.example"],
  ["url", "hxtp://a[.]example[dot]com(dot)org", "http://a.example.com.org"],
  ["url", "[hxxp://]a.example", "http://a.example"],
  ["url", "http[:]//a.example", "http://a.example"],
  ["email", "a[at]b[.]c", "a@b.c"],
  ["email-src", "a[@]b.c", "a@b.c"],
  ["hostname", "a[.]b[.]c", "a.b.c"],
  ["domain|ip", "a[.]b|1[.]2[.]3[.]4", "a.b|1.2.3.4"],
  // Case-sensitive rules stay case-sensitive, as in MISP.
  ["domain", "a[DOT]b", "a[DOT]b"],
  // Types without rules are untouched.
  ["text", "hxxp://a[.]b", "hxxp://a[.]b"],
  ["uri", "hxxp://a[.]b", "hxxp://a[.]b"],
  ["target-email", "a[at]b.c", "a[at]b.c"],
  ["hostname", "hxxp", "hxxp"],
];
for (const [type, input, output] of cases) {
  Deno.test(`refangValue() turns ${type} ${input} into ${output}`, () => {
    equal(refangValue(type, input), output);
  });
}

Deno.test("REFANGED_TYPES lists the ten types of §10", () => {
  equal(REFANGED_TYPES.size, 10);
});
