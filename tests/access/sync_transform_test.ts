import { equal } from "node:assert/strict";
import { type Audience, syncDistribution } from "../../src/access/mod.ts";
import type { DistributionLevel } from "../../src/model/mod.ts";

const AUDIENCES: Audience[] = [
  { kind: "public" },
  { kind: "org", org: "0a0a0a0a-0000-4000-8000-000000000002" },
  { kind: "sharing-group", sharingGroup: "5a5a5a5a-0000-4000-8000-000000000001" },
];

// misp-behaviour.md §2.5: pushed 2 becomes 1; 3, 4 and 5 travel unchanged; internal links skip this.
const CASES: [DistributionLevel, DistributionLevel][] = [[2, 1], [3, 3], [4, 4], [5, 5]];

for (const audience of AUDIENCES) {
  for (const [level, expected] of CASES) {
    Deno.test(`syncDistribution() sends ${level} as ${expected} to a ${audience.kind} audience`, () => {
      equal(syncDistribution(level, audience), expected);
    });
  }
}

Deno.test("syncDistribution() changes nothing for internal", () => {
  for (const level of [0, 1, 2, 3, 4, 5] as DistributionLevel[]) {
    equal(syncDistribution(level, { kind: "internal" }), level);
  }
});
