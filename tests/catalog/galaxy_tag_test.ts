import { deepEqual, equal } from "node:assert/strict";
import {
  formatGalaxyTag,
  type GalaxyTag,
  isGalaxyTag,
  parseGalaxyTag,
} from "../../src/catalog/mod.ts";

const cases: [string, GalaxyTag | undefined][] = [
  ['misp-galaxy:threat-actor="APT28"', { type: "threat-actor", value: "APT28" }],
  // misp-formats.md §2.5: 16 cluster values contain quotes.
  [
    'misp-galaxy:preventive-measure="Change Default "Open With" to Notepad"',
    { type: "preventive-measure", value: 'Change Default "Open With" to Notepad' },
  ],
  [
    'misp-galaxy:mitre-enterprise条イ音態-attack-course-of-action="値"',
    { type: "mitre-enterprise条イ音態-attack-course-of-action", value: "値" },
  ],
  ["misp-galaxy:threat-actor", undefined],
  ['tlp:amber="x"', undefined],
];

for (const [name, expected] of cases) {
  Deno.test(`parseGalaxyTag() reads ${JSON.stringify(name)}`, () => {
    deepEqual(parseGalaxyTag(name), expected);
    if (expected) equal(formatGalaxyTag(expected), name);
  });
}

Deno.test("isGalaxyTag() is true for the misp-galaxy namespace only, well formed or not", () => {
  equal(isGalaxyTag('misp-galaxy:tool="x"'), true);
  equal(isGalaxyTag("misp-galaxy:tool"), true);
  equal(isGalaxyTag("misp-galaxy-like:tool"), false);
  equal(isGalaxyTag("tlp:red"), false);
});
