import { equal } from "node:assert/strict";
import {
  isDigits,
  isHexDigits,
  isNumeric,
  phpTrim,
  replaceFourByteCharacters,
  trimChar,
  utf8Length,
} from "../../../src/validate/values/php_text.ts";

Deno.test("phpTrim() removes the six characters PHP trims and keeps Unicode spaces", () => {
  equal(phpTrim(" \t\n\r\0\x0bx\x0b\0\r\n\t "), "x");
  equal(phpTrim("\u00a0x\u00a0"), "\u00a0x\u00a0");
  const same = "abc";
  equal(phpTrim(same), same);
});

Deno.test("trimChar() trims one character from both ends", () => {
  equal(trimChar("..a.b..", "."), "a.b");
});

const numeric: [string, boolean][] = [
  ["1", true],
  ["-1.5", true],
  ["+.5", true],
  ["1e10", true],
  ["1e", false],
  ["0x1A", false],
  ["", false],
  ["1 2", false],
];
for (const [text, expected] of numeric) {
  Deno.test(`isNumeric() is ${expected} for ${JSON.stringify(text)}`, () => {
    equal(isNumeric(text), expected);
  });
}

Deno.test("isDigits() and isHexDigits() refuse empty strings like ctype_*", () => {
  equal(isDigits(""), false);
  equal(isHexDigits(""), false);
  equal(isHexDigits("aF09"), true);
});

Deno.test("replaceFourByteCharacters() turns each astral character into one ? (§4.3)", () => {
  equal(replaceFourByteCharacters("a😀b𝄞"), "a?b?");
  equal(replaceFourByteCharacters("日本"), "日本");
});

Deno.test("utf8Length() counts bytes as PHP strlen does", () => {
  equal(utf8Length("aé日😀"), 1 + 2 + 3 + 4);
});
