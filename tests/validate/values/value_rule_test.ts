import { equal, match } from "node:assert/strict";
import { nounOf, quote } from "../../../src/validate/values/value_rule.ts";

Deno.test("quote() JSON-escapes a short value", () => {
  equal(quote('a"b\nc'), '"a\\"b\\nc"');
});

Deno.test("quote() shortens a long value keeping its start and end", () => {
  const shown = quote("x".repeat(45) + "y".repeat(100) + "z".repeat(10));
  match(shown, /^"x{45}…z{10}"$/);
});

Deno.test("quote() never splits a surrogate pair", () => {
  const shown = quote("a".repeat(44) + "😀".repeat(20));
  equal(shown.includes("\\ud"), false);
});

Deno.test("nounOf() picks a or an by sound", () => {
  equal(nounOf("md5"), "an md5");
  equal(nounOf("sha1"), "a sha1");
  equal(nounOf("ip-src"), "an ip-src");
  equal(nounOf("ssdeep"), "an ssdeep");
});
