import { deepEqual, equal } from "node:assert/strict";
import { PAP_TAXONOMY, TLP_TAXONOMY } from "../../src/catalog/mod.ts";
import { MISP_DATA, sharedTest } from "../support/shared_data.ts";

Deno.test("TLP_TAXONOMY is exclusive and holds the TLP 2.0 labels with amber+strict and clear", () => {
  equal(TLP_TAXONOMY.exclusive, true);
  for (const label of ["red", "amber", "amber+strict", "green", "clear", "white"]) {
    equal(TLP_TAXONOMY.predicates.some((p) => p.value === label && !p.entries), true, label);
  }
});

Deno.test("PAP_TAXONOMY is exclusive and spelt in upper case as MISP writes it", () => {
  equal(PAP_TAXONOMY.namespace, "PAP");
  equal(PAP_TAXONOMY.exclusive, true);
  deepEqual(PAP_TAXONOMY.predicates.map((p) => p.value), [
    "RED",
    "AMBER",
    "GREEN",
    "CLEAR",
    "WHITE",
  ]);
});

for (const taxonomy of [TLP_TAXONOMY, PAP_TAXONOMY]) {
  sharedTest(
    `the built-in ${taxonomy.namespace} taxonomy has the tags and version of misp-taxonomies`,
    async () => {
      const real = JSON.parse(
        await Deno.readTextFile(`${MISP_DATA}/taxonomies/${taxonomy.namespace}/machinetag.json`),
      );
      deepEqual(
        taxonomy.predicates.map((p) => p.value).sort(),
        real.predicates.map((p: { value: string }) => p.value).sort(),
      );
      equal(taxonomy.version, real.version);
      equal(taxonomy.exclusive, real.exclusive);
    },
  );
}
