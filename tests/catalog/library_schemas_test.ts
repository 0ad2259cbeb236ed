import { deepEqual, equal } from "node:assert/strict";
import {
  checkSchema,
  CLUSTER_SCHEMA,
  GALAXY_MISP_SCHEMA,
  GALAXY_SCHEMA,
  MAPPING_SCHEMA,
  RELATIONSHIPS_SCHEMA,
  type SchemaNode,
  TAXONOMY_SCHEMA,
  templateSchema,
  VOCABULARY_SCHEMA,
} from "../../src/catalog/mod.ts";
import { ATTRIBUTE_TYPES, CATEGORIES, META_CATEGORIES } from "../../src/catalog/mod.ts";
import { MISP_DATA, sharedJsonFiles, sharedTest } from "../support/shared_data.ts";

const TEMPLATE_SCHEMA = templateSchema({
  types: ATTRIBUTE_TYPES.filter((type) => type !== "edge-extension-id"),
  categories: CATEGORIES,
  metaCategories: META_CATEGORIES,
});

/** Each restated schema, the upstream schema file it restates and the files it applies to. */
const SCHEMAS: [string, SchemaNode, string, RegExp][] = [
  ["taxonomy", TAXONOMY_SCHEMA, "taxonomies/schema.json", /^taxonomies\/[^/]+\/machinetag\.json$/],
  [
    "mapping",
    MAPPING_SCHEMA,
    "taxonomies/schema_mapping.json",
    /^taxonomies\/mapping\/mapping\.json$/,
  ],
  ["galaxy", GALAXY_SCHEMA, "galaxy/schema_galaxies.json", /^galaxy\/galaxies\//],
  ["cluster", CLUSTER_SCHEMA, "galaxy/schema_clusters.json", /^galaxy\/clusters\//],
  ["vocabulary", VOCABULARY_SCHEMA, "galaxy/schema_vocabularies.json", /^galaxy\/vocabularies\//],
  ["galaxy-misp", GALAXY_MISP_SCHEMA, "galaxy/schema_misp.json", /^galaxy\/misp\//],
  ["template", TEMPLATE_SCHEMA, "objects/schema_objects.json", /^objects\/objects\//],
  [
    "relationships",
    RELATIONSHIPS_SCHEMA,
    "objects/schema_relationships.json",
    /^objects\/relationships\//,
  ],
];

sharedTest("the restated schemas accept every real library file, as upstream CI does", async () => {
  const files = [
    ...await sharedJsonFiles("taxonomies"),
    ...await sharedJsonFiles("galaxy"),
    ...await sharedJsonFiles("objects"),
  ].map((file) => file.slice(MISP_DATA.length + 1));
  let checked = 0;
  for (const [, schema, , pattern] of SCHEMAS) {
    for (const file of files.filter((f) => pattern.test(f))) {
      const found: string[] = [];
      checkSchema(
        JSON.parse(await Deno.readTextFile(`${MISP_DATA}/${file}`)),
        schema,
        (path, keyword) => found.push(`${path} ${keyword}`),
      );
      deepEqual(found, [], file);
      checked++;
    }
  }
  equal(checked, 183 + 1 + 131 + 129 + 11 + 1 + 424 + 1);
});

// Documents near the edges of each schema; python-jsonschema with the real schema files is the oracle.
const PROBES: [string, unknown][] = [
  ["taxonomy", {
    namespace: "n",
    description: "d",
    version: 1,
    predicates: [{ expanded: "no value" }],
  }],
  ["taxonomy", { namespace: "n", description: "d", version: 1.0, predicates: [{ value: "p" }] }],
  ["taxonomy", { namespace: "n", description: "d", version: "1", predicates: [{ value: "p" }] }],
  ["taxonomy", { namespace: "", description: "d", version: 1, predicates: [{ value: "p" }] }],
  ["taxonomy", { namespace: "n", description: "d", version: 1, predicates: [] }],
  ["taxonomy", {
    namespace: "n",
    description: "d",
    version: 1,
    predicates: [{ value: "p" }, { value: "p" }],
  }],
  ["taxonomy", {
    namespace: "n",
    description: "d",
    version: 1,
    predicates: [{ value: "p", numerical_value: true }],
  }],
  ["taxonomy", {
    namespace: "n",
    description: "d",
    version: 1,
    predicates: [{ value: "p" }],
    type: ["event", "x"],
  }],
  ["taxonomy", {
    namespace: "n",
    description: "d",
    version: 1,
    predicates: [{ value: "p" }],
    values: [{ predicate: "p", entry: [{ value: "v", exclusive: true }] }],
  }],
  ["mapping", { old: { values: ["a", "a"] } }],
  ["mapping", { old: "not an object" }],
  ["galaxy", {
    name: "n",
    type: "t",
    description: "d",
    version: 1,
    uuid: "u",
    kill_chain_order: [],
  }],
  ["galaxy", { name: "n", type: "t", description: "d", version: 1, uuid: "u", extra: 1 }],
  ["cluster", {
    name: "n",
    type: "t",
    description: "d",
    version: 1,
    uuid: "u",
    authors: ["a"],
    source: "s",
    category: "c",
    values: [{ value: "v", related: [{ junk: 1 }] }],
  }],
  ["cluster", {
    name: "n",
    type: "t",
    description: "d",
    version: 1,
    uuid: "u",
    authors: ["a"],
    source: "s",
    category: "c",
    values: [{ value: "v", related: ["x"] }],
  }],
  ["cluster", {
    name: "n",
    type: "t",
    description: "d",
    version: 1,
    uuid: "u",
    authors: ["a", "a"],
    source: "s",
    category: "c",
    values: [],
  }],
  ["cluster", {
    name: "n",
    type: "t",
    description: "d",
    version: 1,
    uuid: "u",
    authors: [],
    source: "s",
    category: "c",
    values: [{ value: "v", meta: { refs: ["a", "a"], anything: 3 } }],
  }],
  ["cluster", {
    name: "n",
    type: "t",
    description: "d",
    version: 1,
    uuid: "u",
    authors: [],
    source: "s",
    category: "c",
    values: [{ value: "v" }, { value: "v" }],
  }],
  ["vocabulary", {
    version: 1,
    description: "d",
    author: ["a"],
    uuid: "u",
    type: "t",
    values: [{ value: "v", x: 1 }],
  }],
  ["galaxy-misp", {
    elements_url: "e",
    default_predicate_value_in: "a",
    default_predicate_value: "b",
    cluster_url: "c",
  }],
  ["template", {
    name: "n",
    uuid: "u",
    version: 1,
    "meta-category": "misc",
    description: "d",
    attributes: { a: { "misp-attribute": "text", "ui-priority": 1, description: "x" } },
  }],
  ["template", {
    name: "n",
    uuid: "u",
    version: 1,
    "meta-category": "web",
    description: "d",
    attributes: {},
  }],
  ["template", {
    name: "n",
    uuid: "u",
    version: 1,
    "meta-category": "misc",
    description: "d",
    attributes: {
      a: { "misp-attribute": "edge-extension-id", "ui-priority": 1, description: "x" },
    },
  }],
  ["template", {
    name: "n",
    uuid: "u",
    version: 1,
    "meta-category": "misc",
    description: "d",
    attributes: { a: { "misp-attribute": "text", description: "x" } },
  }],
  ["template", {
    name: "n",
    uuid: "u",
    version: 1,
    "meta-category": "misc",
    description: "d",
    attributes: {
      a: { "misp-attribute": "text", "ui-priority": 1, description: "x", categories: ["Nope"] },
    },
  }],
  ["relationships", {
    name: "n",
    uuid: "u",
    version: 1,
    description: "d",
    values: [{ name: "a", description: "d", format: ["misp", "misp"] }],
  }],
];

const pythonJsonschema = await new Deno.Command("python3", {
  args: ["-c", "import jsonschema"],
  stdout: "null",
  stderr: "null",
}).output().then((out) => out.success, () => false);

Deno.test({
  name: `the restated schemas agree with python-jsonschema and the real schema files${
    pythonJsonschema && (await Deno.stat(MISP_DATA).then(() => true, () => false))
      ? ""
      : " [skipped: needs python3 jsonschema and ../shared/misp-data]"
  }`,
  ignore: !pythonJsonschema || !(await Deno.stat(MISP_DATA).then(() => true, () => false)),
  fn: async () => {
    const schemaFile = Object.fromEntries(
      SCHEMAS.map(([role, , file]) => [role, `${MISP_DATA}/${file}`]),
    );
    const script = `
import json, sys, jsonschema
for schema_file, instance in json.load(sys.stdin):
    schema = json.load(open(schema_file))
    cls = jsonschema.validators.validator_for(schema)
    print("valid" if not list(cls(schema).iter_errors(instance)) else "invalid")
`;
    const child = new Deno.Command("python3", {
      args: ["-W", "ignore", "-c", script],
      stderr: "null",
      stdin: "piped",
      stdout: "piped",
    }).spawn();
    const writer = child.stdin.getWriter();
    await writer.write(
      new TextEncoder().encode(
        JSON.stringify(PROBES.map(([role, doc]) => [schemaFile[role], doc])),
      ),
    );
    await writer.close();
    const verdicts = new TextDecoder().decode((await child.output()).stdout).trim().split("\n");
    const ours = PROBES.map(([role, doc]) => {
      let valid = true;
      checkSchema(doc, SCHEMAS.find(([name]) => name === role)![1], () => (valid = false));
      return valid ? "valid" : "invalid";
    });
    equal(new Set(verdicts).size, 2, "the probes should include valid and invalid documents");
    deepEqual(ours, verdicts);
  },
});
