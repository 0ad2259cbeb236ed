import { deepEqual, equal, ok } from "node:assert/strict";
import {
  ATTRIBUTE_TYPES,
  CATEGORIES,
  categoriesOfType,
  CATEGORY_TYPES,
  COMPOSITE_TYPES,
  defaultCategoryOf,
  defaultToIdsOf,
  describeTypes,
  isAttributeType,
  isCategory,
  isCompositeType,
  isTypeAllowedInCategory,
} from "../../src/catalog/mod.ts";
import { MISP_DATA, sharedTest } from "../support/shared_data.ts";

// misp-behaviour.md §4.2 and misp-formats.md §4: the catalogue is PyMISP's describeTypes.json.
sharedTest(
  "describeTypes() equals PyMISP's describeTypes.json result, key order included",
  async () => {
    const reference = JSON.parse(await Deno.readTextFile(`${MISP_DATA}/describeTypes.json`));
    deepEqual(Object.keys(reference), ["result"]);
    const ours = describeTypes();
    deepEqual(ours, reference.result);
    // deepEqual ignores key order; the serialised text does not.
    equal(JSON.stringify(ours), JSON.stringify(reference.result));
  },
);

Deno.test("describeTypes() lists 194 types and 16 categories", () => {
  const body = describeTypes();
  equal(body.types.length, 194);
  equal(new Set(body.types).size, 194);
  equal(body.categories.length, 16);
  deepEqual(Object.keys(body.sane_defaults), body.types);
  deepEqual(Object.keys(body.category_type_mappings), body.categories);
});

Deno.test("COMPOSITE_TYPES are the 24 types with | plus malware-sample (§4.2)", () => {
  const barred = ATTRIBUTE_TYPES.filter((type) => type.includes("|"));
  equal(barred.length, 24);
  equal(COMPOSITE_TYPES.size, 25);
  deepEqual([...COMPOSITE_TYPES].sort(), [...barred, "malware-sample"].sort());
  equal(isCompositeType("malware-sample"), true);
  equal(isCompositeType("filename"), false);
});

Deno.test("every type's default category allows the type", () => {
  for (const type of ATTRIBUTE_TYPES) {
    const category = defaultCategoryOf(type);
    ok(category, `${type} has no default category`);
    ok(isTypeAllowedInCategory(type, category), `${category} does not allow ${type}`);
  }
});

Deno.test("every type is allowed in at least one category and every category's types exist", () => {
  for (const type of ATTRIBUTE_TYPES) ok(categoriesOfType(type).length > 0, type);
  for (const category of CATEGORIES) {
    for (const type of CATEGORY_TYPES[category]) ok(isAttributeType(type), `${category}: ${type}`);
  }
});

// The §4.2 table of default categories and to_ids, a few rows of each kind.
const defaults: [string, string, boolean][] = [
  ["md5", "Payload delivery", true],
  ["email-subject", "Payload delivery", false],
  ["ip-dst", "Network activity", true],
  ["AS", "Network activity", false],
  ["mutex", "Artifacts dropped", true],
  ["yara", "Payload installation", true],
  ["regkey|value", "Persistence mechanism", true],
  ["btc", "Financial fraud", true],
  ["threat-actor", "Attribution", false],
  ["vulnerability", "External analysis", false],
  ["email", "Social network", true],
  ["target-user", "Targeting data", false],
  ["passport-number", "Person", false],
  ["git-commit-id", "Internal reference", false],
  ["boolean", "Other", false],
];
for (const [type, category, toIds] of defaults) {
  Deno.test(`defaultCategoryOf() and defaultToIdsOf() give ${category} / ${toIds} for ${type}`, () => {
    equal(defaultCategoryOf(type), category);
    equal(defaultToIdsOf(type), toIds);
  });
}

Deno.test("lookups are case-sensitive and say no to unknown names", () => {
  equal(isAttributeType("MD5"), false);
  equal(isAttributeType("md5"), true);
  equal(isCategory("payload delivery"), false);
  equal(isCategory("Payload delivery"), true);
  deepEqual(categoriesOfType("nope"), []);
  equal(defaultCategoryOf("nope"), undefined);
  equal(defaultToIdsOf("nope"), undefined);
  equal(isTypeAllowedInCategory("md5", "Person"), false);
});

Deno.test("describeTypes() returns fresh copies callers may change", () => {
  const first = describeTypes();
  first.types.pop();
  first.category_type_mappings["Other"]!.pop();
  equal(describeTypes().types.length, 194);
  deepEqual(describeTypes().category_type_mappings["Other"], [...CATEGORY_TYPES["Other"]]);
});
