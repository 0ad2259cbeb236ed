import { deepEqual, equal, ok } from "node:assert/strict";
import { parseFeedDefinition } from "../../src/feed/mod.ts";

const ORG = "94e7523f-093b-59bb-b67e-f23d20f69edd";
const GROUP = "385c1887-15e7-5f50-aa57-8ccbc703e634";

Deno.test("parseFeedDefinition() fills every default of a minimal definition", () => {
  const { definition, issues } = parseFeedDefinition({ audience: "public" }, "osint");
  deepEqual(issues, []);
  deepEqual(definition, {
    name: "osint",
    description: "",
    audience: { kind: "public" },
    filters: {
      published: "only",
      tags: { OR: [], NOT: [] },
      orgs: { OR: [], NOT: [] },
      excludeAttributeTypes: [],
      date: { from: undefined, to: undefined },
      includeDeleted: false,
    },
    emitDistribution: false,
    access: "token",
  });
});

Deno.test("parseFeedDefinition() reads every audience form", () => {
  const cases: [unknown, object][] = [
    ["public", { kind: "public" }],
    ["internal", { kind: "internal" }],
    [{ org: ORG }, { kind: "org", org: ORG }],
    [{ sharingGroup: GROUP }, { kind: "sharing-group", sharingGroup: GROUP }],
  ];
  for (const [audience, expected] of cases) {
    deepEqual(parseFeedDefinition({ audience }, "f").definition?.audience, expected);
  }
});

Deno.test("parseFeedDefinition() reads a full definition", () => {
  const { definition, issues } = parseFeedDefinition({
    $schema: "./feed.schema.json",
    description: "Partner feed",
    audience: { org: ORG },
    access: "token",
    emitDistribution: true,
    filters: {
      published: "only",
      tags: { OR: ["tlp:green"], NOT: ["kura:no-feed"] },
      orgs: { NOT: ["Contoso SOC"] },
      excludeAttributeTypes: ["yara"],
      date: { from: "2024-01-01", to: "2024-12-31" },
      includeDeleted: true,
    },
  }, "northwind");
  deepEqual(issues, []);
  equal(definition?.emitDistribution, true);
  deepEqual(definition?.filters.tags, { OR: ["tlp:green"], NOT: ["kura:no-feed"] });
  deepEqual(definition?.filters.orgs, { OR: [], NOT: ["Contoso SOC"] });
  equal(definition?.filters.includeDeleted, true);
});

// Each broken definition gives no definition and an error at the named path.
const BROKEN: [string, unknown, string, string, RegExp][] = [
  ["a non-object", [], "feed.shape", "", /must be a JSON object, got \[\]/],
  ["no audience", {}, "feed.audience.missing", "audience", /audience is required/],
  ["an unknown audience", { audience: "everyone" }, "feed.shape", "audience", /"everyone"/],
  [
    "an org that is not a uuid",
    { audience: { org: "Northwind" } },
    "feed.shape",
    "audience.org",
    /lower-case uuid/,
  ],
  [
    "an unknown field",
    { audience: "public", acess: "public" },
    "feed.field.unknown",
    "acess",
    /unknown field "acess"/,
  ],
  [
    "an unknown filter",
    { audience: "public", filters: { tag: [] } },
    "feed.field.unknown",
    "filters.tag",
    /"tag"/,
  ],
  [
    "a bad date",
    { audience: "public", filters: { date: { from: "2024-13-01" } } },
    "feed.shape",
    "filters.date.from",
    /YYYY-MM-DD/,
  ],
  [
    "an empty date window",
    { audience: "public", filters: { date: { from: "2024-02-01", to: "2024-01-01" } } },
    "feed.filters.date",
    "filters.date",
    /empty/,
  ],
  [
    "public access to an org audience",
    { audience: { org: ORG }, access: "public" },
    "feed.access.public",
    "access",
    /only a "public" audience/,
  ],
  [
    "public access to a sharing group",
    { audience: { sharingGroup: GROUP }, access: "public" },
    "feed.access.public",
    "access",
    /anyone/,
  ],
  [
    "public access to internal",
    { audience: "internal", access: "public" },
    "feed.access.public",
    "access",
    /anyone/,
  ],
  [
    "unpublished events for an org",
    { audience: { org: ORG }, filters: { published: "any" } },
    "feed.filters.published",
    "filters.published",
    /never leave/,
  ],
  [
    "unpublished events for the public",
    { audience: "public", filters: { published: "any" } },
    "feed.filters.published",
    "filters.published",
    /internal/,
  ],
  [
    "a string flag",
    { audience: "public", emitDistribution: "yes" },
    "feed.shape",
    "emitDistribution",
    /true or false/,
  ],
];

for (const [label, json, code, path, message] of BROKEN) {
  Deno.test(`parseFeedDefinition() refuses ${label}`, () => {
    const { definition, issues } = parseFeedDefinition(json, "f");
    equal(definition, undefined);
    const issue = issues.find((i) => i.code === code);
    ok(issue, `expected ${code} in ${JSON.stringify(issues)}`);
    equal(issue.path, path);
    equal(issue.severity, "error");
    ok(message.test(issue.message), issue.message);
  });
}

Deno.test("parseFeedDefinition() refuses a name that is not a feed name", () => {
  for (const name of ["Public", "-x", "a b", "", "a/b", "x".repeat(65)]) {
    const { definition, issues } = parseFeedDefinition({ audience: "public" }, name);
    equal(definition, undefined, name);
    equal(issues[0]?.code, "feed.name");
  }
  ok(parseFeedDefinition({ audience: "public" }, "energy_2024-q1").definition);
});

Deno.test("parseFeedDefinition() allows unpublished events for internal and warns on unknown types", () => {
  const { definition, issues } = parseFeedDefinition({
    audience: "internal",
    filters: { published: "any", excludeAttributeTypes: ["ip-dst", "no-such-type"] },
  }, "backup");
  equal(definition?.filters.published, "any");
  deepEqual(issues.map((i) => [i.code, i.severity, i.path]), [
    ["feed.filters.type.unknown", "warning", "filters.excludeAttributeTypes[1]"],
  ]);
});
