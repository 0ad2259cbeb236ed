import { deepEqual } from "node:assert/strict";
import { checkFiles, type FileContent, taxonomyCheckout } from "../support/sample_libraries.ts";
import { ADMIRALTY_JSON } from "../support/sample_catalog.ts";

const FILE = "admiralty-scale/machinetag.json";

function withTaxonomy(
  change: (json: typeof ADMIRALTY_JSON) => unknown,
): Record<string, FileContent> {
  return { ...taxonomyCheckout(), [FILE]: change(structuredClone(ADMIRALTY_JSON)) };
}

// Rules beyond taxonomies:schema.json, misp-formats.md §1.2–1.3.
const cases: [string, Record<string, FileContent>, string[]][] = [
  [
    "a predicate without value (the schema's misplaced required)",
    withTaxonomy((t) => ({
      ...t,
      predicates: [...t.predicates, { expanded: "x" }],
    })),
    [`${FILE} predicates[3] error taxonomy.predicate.value-missing`],
  ],
  [
    "an entry without value",
    withTaxonomy((t) => {
      t.values[0]!.entry.push({ expanded: "x" } as never);
      return t;
    }),
    [`${FILE} values[0].entry[2] error taxonomy.entry.value-missing`],
  ],
  [
    "a namespace that differs from its folder",
    withTaxonomy((t) => ({ ...t, namespace: "admiralty" })),
    [
      `${FILE} namespace error taxonomy.namespace.folder`,
    ],
  ],
  ["a missing top-level uuid", withTaxonomy(({ uuid: _, ...t }) => t), [
    `${FILE}  error taxonomy.uuid.missing`,
  ]],
  ["a malformed uuid", withTaxonomy((t) => ({ ...t, uuid: "45f11aec" })), [
    `${FILE} uuid error taxonomy.uuid.invalid`,
  ]],
  [
    "a reused uuid",
    withTaxonomy((t) => {
      (t.predicates[0] as Record<string, unknown>).uuid = t.uuid;
      return t;
    }),
    [`${FILE} predicates[0].uuid warning taxonomy.uuid.duplicate`],
  ],
  [
    "a duplicate predicate",
    withTaxonomy((t) => ({
      ...t,
      predicates: [...t.predicates, { value: "note", expanded: "again" }],
    })),
    [
      `${FILE} predicates[3].value error taxonomy.predicate.duplicate`,
    ],
  ],
  [
    "values for a predicate that does not exist",
    withTaxonomy((t) => ({
      ...t,
      values: [...t.values, { predicate: "nope", entry: [{ value: "x" }] }],
    })),
    [`${FILE} values[2].predicate error taxonomy.values.unknown-predicate`],
  ],
  [
    "two values blocks for one predicate",
    withTaxonomy((t) => ({
      ...t,
      values: [...t.values, { predicate: "source-reliability", entry: [{ value: "c" }] }],
    })),
    [`${FILE} values[2].predicate error taxonomy.values.duplicate`],
  ],
  [
    "a duplicate entry value",
    withTaxonomy((t) => {
      t.values[1]!.entry.push({ value: "1", description: "again" } as never);
      return t;
    }),
    [`${FILE} values[1].entry[2].value error taxonomy.entry.duplicate`],
  ],
  [
    "exclusive on a predicate without values",
    withTaxonomy((t) => {
      (t.predicates[2] as Record<string, unknown>).exclusive = true;
      return t;
    }),
    [`${FILE} predicates[2].exclusive warning taxonomy.exclusive.no-values`],
  ],
  [
    "exclusive on a predicate of an exclusive taxonomy",
    withTaxonomy((t) => ({ ...t, exclusive: true })),
    [
      `${FILE} predicates[0].exclusive warning taxonomy.exclusive.redundant`,
      `${FILE} predicates[1].exclusive warning taxonomy.exclusive.redundant`,
    ],
  ],
  ["a taxonomy missing from MANIFEST.json", {
    ...taxonomyCheckout(),
    "tlp/machinetag.json": {
      namespace: "tlp",
      description: "d",
      version: 1,
      uuid: "34c3905d-5e01-5b53-aebc-6aca2b78eb2b",
      predicates: [{ value: "red" }],
    },
  }, ["MANIFEST.json taxonomies error manifest.taxonomy.missing"]],
  [
    "a MANIFEST.json entry without taxonomy",
    (() => {
      const files = taxonomyCheckout();
      const manifest = files["MANIFEST.json"] as { taxonomies: unknown[] };
      manifest.taxonomies.push({ name: "zzz", description: "z", version: 1 });
      return files;
    })(),
    ["MANIFEST.json taxonomies[1].name error manifest.taxonomy.unknown"],
  ],
  ["a stale MANIFEST.json entry", withTaxonomy((t) => ({ ...t, version: 4 })), [
    "MANIFEST.json taxonomies[0] error manifest.taxonomy.stale",
  ]],
  [
    "an unsorted MANIFEST.json",
    (() => {
      const files: Record<string, FileContent> = {
        ...taxonomyCheckout(),
        "PAP/machinetag.json": {
          namespace: "PAP",
          description: "p",
          version: 1,
          uuid: "8d7472b0-8a76-5be9-bfe0-185cc9ca9c30",
          predicates: [{ value: "RED" }],
        },
      };
      const manifest = files["MANIFEST.json"] as { taxonomies: unknown[] };
      manifest.taxonomies.push({ name: "PAP", description: "p", version: 1 });
      return files;
    })(),
    ["MANIFEST.json taxonomies[1].name error manifest.order"],
  ],
  [
    "a missing MANIFEST.json",
    (() => {
      const { "MANIFEST.json": _, ...files } = taxonomyCheckout();
      return files;
    })(),
    ["MANIFEST.json  error manifest.missing"],
  ],
  ["a version that is not an integer (schema)", withTaxonomy((t) => ({ ...t, version: "3" })), [
    "MANIFEST.json taxonomies[0] error manifest.taxonomy.stale",
    `${FILE} version error taxonomy.schema.type`,
  ]],
];

for (const [what, files, expected] of cases) {
  Deno.test(`LibraryCheck(taxonomies) reports ${what}`, () => {
    deepEqual(checkFiles("taxonomies", files, { topFolders: ["admiralty-scale"] }), expected);
  });
}

Deno.test("LibraryCheck(taxonomies) reports a folder without machinetag.json, but not tools/ or mapping/", () => {
  deepEqual(
    checkFiles("taxonomies", taxonomyCheckout(), {
      topFolders: ["admiralty-scale", "empty", "mapping", "tools"],
    }),
    ["empty  error taxonomy.folder.empty"],
  );
});

Deno.test("LibraryCheck(taxonomies) keeps MANIFEST.json key order when checking jq . formatting", () => {
  const files = taxonomyCheckout();
  files["MANIFEST.json"] = { raw: '{\n  "version": "1",\n  "taxonomies": []\n}\n' };
  deepEqual(checkFiles("taxonomies", files, { topFolders: ["admiralty-scale"] }), [
    "MANIFEST.json taxonomies error manifest.taxonomy.missing",
  ]);
});
