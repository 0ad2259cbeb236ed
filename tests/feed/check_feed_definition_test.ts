import { deepEqual } from "node:assert/strict";
import {
  checkFeedDefinition,
  type FeedDefinition,
  parseFeedDefinition,
} from "../../src/feed/mod.ts";
import { contextWith, groupN, orgN, sampleGroup } from "../support/sharing_groups.ts";

function definition(audience: unknown): FeedDefinition {
  return parseFeedDefinition({ audience }, "f").definition!;
}

const context = {
  ...contextWith(sampleGroup(1, [1, 2]), sampleGroup(2, [])),
  orgs: new Map([[orgN(1), { uuid: orgN(1) }], [orgN(2), { uuid: orgN(2) }]]),
};

const CASES: [string, unknown, [string, string][]][] = [
  ["accepts a known group with members", { sharingGroup: groupN(1) }, []],
  ["refuses an unknown group", { sharingGroup: groupN(5) }, [[
    "feed.audience.sharing_group.unknown",
    "error",
  ]]],
  ["refuses a group without members", { sharingGroup: groupN(2) }, [[
    "feed.audience.sharing_group.empty",
    "error",
  ]]],
  ["accepts a known remote org", { org: orgN(2) }, []],
  ["warns about an unknown org", { org: orgN(7) }, [["feed.audience.org.unknown", "warning"]]],
  ["warns when the org is this instance's own", { org: orgN(1) }, [[
    "feed.audience.host_org",
    "warning",
  ]]],
  ["accepts public", "public", []],
  ["accepts internal", "internal", []],
];

for (const [label, audience, expected] of CASES) {
  Deno.test(`checkFeedDefinition() ${label}`, () => {
    const issues = checkFeedDefinition(definition(audience), context);
    deepEqual(issues.map((i) => [i.code, i.severity]), expected);
  });
}
