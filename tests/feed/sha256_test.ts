import { equal } from "node:assert/strict";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { sha256Hex } from "../../src/feed/mod.ts";

// FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA256_2.pdf").
const VECTORS: [string, string][] = [
  ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  [
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  ],
];

for (const [input, expected] of VECTORS) {
  Deno.test(`sha256Hex() gives FIPS 180-4's digest of "${input.slice(0, 20)}"`, () => {
    equal(sha256Hex(input), expected);
  });
}

Deno.test("sha256Hex() agrees with node:crypto at every padding boundary and on large input", () => {
  for (let length = 0; length < 200; length++) {
    const text = "é😀ab".repeat(length).slice(0, length);
    equal(sha256Hex(text), createHash("sha256").update(text, "utf8").digest("hex"), `${length}`);
  }
  const large = "0123456789".repeat(200_000);
  equal(sha256Hex(large), createHash("sha256").update(large).digest("hex"));
});

Deno.test("sha256Hex() agrees with node:crypto on random bytes and strings", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      equal(sha256Hex(bytes), createHash("sha256").update(bytes).digest("hex"));
    }),
  );
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
      equal(sha256Hex(text), createHash("sha256").update(text, "utf8").digest("hex"));
    }),
  );
});
