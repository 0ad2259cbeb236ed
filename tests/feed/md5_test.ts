import { equal } from "node:assert/strict";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { md5Hex, md5HexOfBytes } from "../../src/feed/mod.ts";

// RFC 1321 appendix A.5 test suite.
const RFC_VECTORS: [string, string][] = [
  ["", "d41d8cd98f00b204e9800998ecf8427e"],
  ["a", "0cc175b9c0f1b6a831c399e269772661"],
  ["abc", "900150983cd24fb0d6963f7d28e17f72"],
  ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
  ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
  [
    "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
    "57edf4a22be3c955ac49da2e2107b67a",
  ],
];

for (const [input, expected] of RFC_VECTORS) {
  Deno.test(`md5Hex() gives RFC 1321's digest of "${input.slice(0, 20)}"`, () => {
    equal(md5Hex(input), expected);
  });
}

Deno.test("md5Hex() hashes the UTF-8 bytes at every padding boundary, as node:crypto does", () => {
  for (let length = 0; length < 200; length++) {
    const text = "é市😀x".repeat(length).slice(0, length);
    equal(md5Hex(text), createHash("md5").update(text, "utf8").digest("hex"), `length ${length}`);
  }
});

Deno.test("md5Hex() agrees with node:crypto on random strings, short and long", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
      equal(md5Hex(text), createHash("md5").update(text, "utf8").digest("hex"));
    }),
  );
  const long = "x".repeat(100_000);
  equal(md5Hex(long), createHash("md5").update(long).digest("hex"));
});

Deno.test("md5HexOfBytes() agrees with node:crypto on random bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      equal(md5HexOfBytes(bytes), createHash("md5").update(bytes).digest("hex"));
    }),
  );
});
