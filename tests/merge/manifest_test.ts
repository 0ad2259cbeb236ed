// Manifest format of misp-behaviour.md §3.1.
import { deepEqual, equal, match, throws } from "node:assert/strict";
import { parseManifest } from "../../src/merge/mod.ts";

const ORGC = { name: "CIRCL", uuid: "55F6EA5E-2C60-40E5-964F-47A8950D210F" };
const good = {
  Orgc: ORGC,
  Tag: [{ name: "tlp:white" }],
  info: "i",
  date: "2024-01-01",
  timestamp: "17",
};

Deno.test("parseManifest() reads entries keyed by uuid with numbers as MISP strings", () => {
  const { entries, invalid } = parseManifest({
    "5a3c2fcd-8328-42bb-a95e-4f4402de0b81": good,
  });
  deepEqual(invalid, []);
  equal(entries[0]?.timestamp, 17);
  equal(entries[0]?.orgc.uuid, "55f6ea5e-2c60-40e5-964f-47a8950d210f");
  deepEqual(entries[0]?.tags, ["tlp:white"]);
});

const bad: [string, Record<string, unknown>, RegExp][] = [
  ["a key with a path", { "../../x": good }, /"..\/..\/x" is not a lower-case uuid/],
  ["an upper-case key", { "5A3C2FCD-8328-42BB-A95E-4F4402DE0B81": good }, /not a lower-case uuid/],
  [
    "an entry that is not an object",
    { "5a3c2fcd-8328-42bb-a95e-4f4402de0b81": 3 },
    /not an object/,
  ],
  [
    "an entry without timestamp",
    { "5a3c2fcd-8328-42bb-a95e-4f4402de0b81": { ...good, timestamp: "soon" } },
    /no valid timestamp/,
  ],
  [
    "an entry without Orgc",
    { "5a3c2fcd-8328-42bb-a95e-4f4402de0b81": { ...good, Orgc: undefined } },
    /no Orgc/,
  ],
  [
    "a malformed integrity digest",
    { "5a3c2fcd-8328-42bb-a95e-4f4402de0b81": { ...good, "integrity:sha256": "abc" } },
    /integrity:sha256/,
  ],
];
for (const [what, json, reason] of bad) {
  Deno.test(`parseManifest() refuses ${what}, keeping its text`, () => {
    const { entries, invalid } = parseManifest(json);
    equal(entries.length, 0);
    match(invalid[0]?.reason ?? "", reason);
    equal(invalid[0]?.raw, JSON.stringify(json));
  });
}

Deno.test("parseManifest() throws when the root is not an object", () => {
  throws(() => parseManifest([1]), /keyed by event uuid/);
});
