import { deepEqual } from "node:assert/strict";
import { checkFiles, type FileContent, galaxyCheckout } from "../support/sample_libraries.ts";
import { THREAT_ACTOR_CLUSTER, THREAT_ACTOR_GALAXY } from "../support/sample_catalog.ts";

const CLUSTER = "clusters/threat-actor.json";
const APT28 = THREAT_ACTOR_CLUSTER.values[0]!;

function withValues(values: unknown[]): Record<string, FileContent> {
  return { ...galaxyCheckout(), [CLUSTER]: { ...THREAT_ACTOR_CLUSTER, values } };
}

const TOOL_GALAXY = {
  ...THREAT_ACTOR_GALAXY,
  type: "tool",
  uuid: "9b8037f7-bc8f-4de1-a797-37266619bc0b",
};
const TOOL_CLUSTER = {
  ...THREAT_ACTOR_CLUSTER,
  type: "tool",
  uuid: "0a1e8f1f-91a6-4b4b-8b6d-1f1e2d3c4b5a",
  values: [{ value: "Mimikatz", uuid: "588fb91d-59c6-4667-b299-94676d48b17b" }],
};

// PyMISPGalaxies rules and what upstream misses, misp-formats.md §2.2–2.4.
const cases: [string, Record<string, FileContent>, string[]][] = [
  ["a galaxy without cluster file", { ...galaxyCheckout(), "galaxies/tool.json": TOOL_GALAXY }, [
    "galaxies/tool.json type error galaxy.cluster.missing",
  ]],
  ["a cluster without galaxy", { ...galaxyCheckout(), "clusters/tool.json": TOOL_CLUSTER }, [
    "clusters/tool.json type error cluster.galaxy.missing",
  ]],
  ["a cluster file named unlike its galaxy file", {
    ...galaxyCheckout(),
    "galaxies/tool.json": TOOL_GALAXY,
    "clusters/tools.json": TOOL_CLUSTER,
  }, ["clusters/tools.json  warning cluster.file-name"]],
  ["a value uuid used in two clusters", {
    ...galaxyCheckout(),
    "galaxies/tool.json": TOOL_GALAXY,
    "clusters/tool.json": { ...TOOL_CLUSTER, values: [{ value: "Mimikatz", uuid: APT28.uuid }] },
  }, ["clusters/tool.json values[0].uuid error cluster.value.uuid.duplicate"]],
  ["nothing for a uuid shared with a deprecated galaxy's cluster", {
    ...galaxyCheckout(),
    "galaxies/tool.json": { ...TOOL_GALAXY, namespace: "deprecated" },
    "clusters/tool.json": { ...TOOL_CLUSTER, values: [{ value: "Mimikatz", uuid: APT28.uuid }] },
  }, []],
  [
    "a value uuid used twice in one cluster",
    withValues([APT28, { value: "Fancy Bear", uuid: APT28.uuid }]),
    [
      `${CLUSTER} values[1].uuid error cluster.value.uuid.duplicate`,
    ],
  ],
  [
    "a value repeated (ignoring case) with another uuid",
    withValues([APT28, {
      value: "apt28",
      uuid: "0b3f27f7-60c5-4f4f-a4b3-4b2d2a8b8f11",
    }]),
    [`${CLUSTER} values[1].value error cluster.value.duplicate`],
  ],
  [
    "a value repeated with the same uuid (merged by MISP)",
    withValues([APT28, { ...APT28, description: "x" }]),
    [
      `${CLUSTER} values[1].value warning cluster.value.duplicate`,
    ],
  ],
  ["a value without uuid", withValues([{ value: "APT28" }]), [
    `${CLUSTER} values[0] error cluster.value.uuid.missing`,
  ]],
  ["a malformed value uuid", withValues([{ value: "APT28", uuid: "APT28" }]), [
    `${CLUSTER} values[0].uuid error cluster.value.uuid.invalid`,
  ]],
  ["a cluster without values", withValues([]), [`${CLUSTER} values error cluster.values.empty`]],
  [
    "a related entry without dest-uuid or type",
    withValues([{ ...APT28, related: [{ tags: [] }] }]),
    [
      `${CLUSTER} values[0].related[0] error cluster.related.dest-uuid.missing`,
      `${CLUSTER} values[0].related[0] error cluster.related.type.missing`,
    ],
  ],
  [
    "a dangling related entry (maybe outside the checkout)",
    withValues([{
      ...APT28,
      related: [{ "dest-uuid": "11111111-2222-4333-8444-555555555555", type: "similar" }],
    }]),
    [`${CLUSTER} values[0].related[0].dest-uuid warning cluster.related.unresolved`],
  ],
  ["nothing for a related entry into another cluster", {
    ...galaxyCheckout(),
    "galaxies/tool.json": TOOL_GALAXY,
    "clusters/tool.json": {
      ...TOOL_CLUSTER,
      values: [{
        ...TOOL_CLUSTER.values[0],
        related: [{ "dest-uuid": APT28.uuid, type: "used-by" }],
      }],
    },
  }, []],
  [
    "stray keys in a related entry",
    withValues([{
      ...APT28,
      related: [{ "dest-uuid": APT28.uuid, type: "similar", refs: ["x"] }],
    }]),
    [`${CLUSTER} values[0].related[0].refs warning cluster.related.unknown-key`],
  ],
  ["meta that is not a string or list of strings", withValues([{ ...APT28, meta: { cfr: 3 } }]), [
    `${CLUSTER} values[0].meta.cfr error cluster.meta.type`,
  ]],
  ["an empty string in a meta list", withValues([{ ...APT28, meta: { refs: ["", "x"] } }]), [
    `${CLUSTER} values[0].meta.refs error cluster.meta.empty-string`,
  ]],
  ["a cluster uuid that is another galaxy's", {
    ...galaxyCheckout(),
    "galaxies/tool.json": TOOL_GALAXY,
    "clusters/tool.json": { ...TOOL_CLUSTER, uuid: THREAT_ACTOR_GALAXY.uuid },
  }, ["clusters/tool.json uuid error cluster.uuid.galaxy"]],
  ["two galaxies of one type", {
    ...galaxyCheckout(),
    "galaxies/tool.json": { ...TOOL_GALAXY, type: "threat-actor" },
  }, [
    "galaxies/tool.json type error galaxy.type.duplicate",
  ]],
  ["a galaxy without version (schema)", {
    ...galaxyCheckout(),
    "galaxies/threat-actor.json": (({ version: _, ...galaxy }) => galaxy)(THREAT_ACTOR_GALAXY),
  }, ["galaxies/threat-actor.json  error galaxy.schema.required"]],
];

for (const [what, files, expected] of cases) {
  Deno.test(`LibraryCheck(galaxy) reports ${what}`, () => {
    deepEqual(checkFiles("galaxy", files), expected);
  });
}
