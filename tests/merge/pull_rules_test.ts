// Feed rules of misp-behaviour.md §3.3 step 2 (`checkEventAgainstRules`).
import { equal, match } from "node:assert/strict";
import { excludedByRules, type ManifestEntry, minTimestampOf } from "../../src/merge/mod.ts";
import type { PeerRules } from "../../src/config/mod.ts";

const entry: ManifestEntry = {
  uuid: "eeeeeeee-0000-4000-8000-000000000001",
  timestamp: 1000,
  orgc: { uuid: "11111111-1111-4111-8111-111111111111", name: "CIRCL" },
  tags: ["tlp:white", "type:OSINT"],
  info: "x",
  date: "2024-01-01",
};
const none: PeerRules = { tags: { OR: [], NOT: [] }, orgs: { OR: [], NOT: [] }, excludeTypes: [] };

const cases: [string, Partial<PeerRules>, RegExp | undefined][] = [
  ["takes everything without rules", {}, undefined],
  ["takes an entry carrying one OR tag", { tags: { OR: ["type:OSINT", "x"], NOT: [] } }, undefined],
  [
    "refuses an entry with none of the OR tags",
    { tags: { OR: ["tlp:red"], NOT: [] } },
    /none of the tags/,
  ],
  [
    "matches tags exactly, not by case",
    { tags: { OR: ["TLP:WHITE"], NOT: [] } },
    /none of the tags/,
  ],
  [
    "refuses an entry with a NOT tag",
    { tags: { OR: [], NOT: ["tlp:white"] } },
    /"tlp:white" is excluded/,
  ],
  ["matches orgs by name", { orgs: { OR: ["CIRCL"], NOT: [] } }, undefined],
  [
    "matches orgs by uuid",
    { orgs: { OR: ["11111111-1111-4111-8111-111111111111"], NOT: [] } },
    undefined,
  ],
  ["refuses an org outside OR", { orgs: { OR: ["Other"], NOT: [] } }, /is not among/],
  ["refuses a NOT org", { orgs: { OR: [], NOT: ["CIRCL"] } }, /org "CIRCL".* is excluded/],
  ["refuses an entry older than a fixed minimum", { minTimestamp: 1001 }, /older than 1001/],
  ["refuses an entry older than an age", { minTimestamp: "1h" }, /older than 3400/],
  ["takes an entry inside the age", { minTimestamp: "2h" }, undefined],
];

for (const [what, rules, expected] of cases) {
  Deno.test(`excludedByRules() ${what}`, () => {
    const reason = excludedByRules(entry, { ...none, ...rules }, { now: 7000 });
    if (expected === undefined) equal(reason, undefined);
    else match(reason ?? "", expected);
  });
}

Deno.test("minTimestampOf() converts ages with every unit", () => {
  equal(minTimestampOf({ ...none, minTimestamp: "30s" }, 100), 70);
  equal(minTimestampOf({ ...none, minTimestamp: "2d" }, 200000), 200000 - 172800);
  equal(minTimestampOf({ ...none, minTimestamp: "1w" }, 604800), 0);
  equal(minTimestampOf(none, 5), undefined);
});
