import { deepEqual, equal } from "node:assert/strict";
import { taxonomyFromJson } from "../../src/catalog/mod.ts";
import { ADMIRALTY_JSON } from "../support/sample_catalog.ts";

Deno.test("taxonomyFromJson() attaches each values block to its predicate and keeps exclusivity", () => {
  const taxonomy = taxonomyFromJson(ADMIRALTY_JSON)!;
  equal(taxonomy.namespace, "admiralty-scale");
  equal(taxonomy.exclusive, false);
  const [reliability, , note] = taxonomy.predicates;
  equal(reliability!.exclusive, true);
  deepEqual(reliability!.entries?.map((e) => e.value), ["a", "b"]);
  equal(reliability!.entries?.[0]?.expanded, "Completely reliable");
  equal(note!.entries, undefined);
});

Deno.test("taxonomyFromJson() skips pieces of the wrong shape and refuses a file without namespace", () => {
  equal(taxonomyFromJson({ description: "x" }), undefined);
  equal(taxonomyFromJson([]), undefined);
  const taxonomy = taxonomyFromJson({
    namespace: "n",
    predicates: [{ value: "p" }, { expanded: "no value" }, "junk"],
    values: [{ predicate: "p", entry: [{ value: "v" }, { uuid: "no value" }] }, { entry: [] }],
  })!;
  deepEqual(taxonomy.predicates.map((p) => p.value), ["p"]);
  deepEqual(taxonomy.predicates[0]!.entries?.map((e) => e.value), ["v"]);
  equal(taxonomy.version, 0);
});
