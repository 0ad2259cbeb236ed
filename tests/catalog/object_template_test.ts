import { deepEqual, equal } from "node:assert/strict";
import { relationshipsFromJson, templateFromJson } from "../../src/catalog/mod.ts";
import { DOMAIN_IP_TEMPLATE } from "../support/sample_catalog.ts";

Deno.test("templateFromJson() reads relations with their type, multiple flag and categories", () => {
  const template = templateFromJson(DOMAIN_IP_TEMPLATE)!;
  equal(template.version, 9);
  equal(template.metaCategory, "network");
  deepEqual(template.requiredOneOf, ["ip", "domain"]);
  deepEqual(template.required, []);
  const domain = template.relations.get("domain")!;
  equal(domain.type, "domain");
  equal(domain.multiple, true);
  deepEqual(domain.categories, ["Network activity", "External analysis"]);
  equal(template.relations.get("first-seen")!.multiple, false);
});

Deno.test("templateFromJson() keeps relation names case-sensitive and skips relations without a type", () => {
  const template = templateFromJson({
    name: "ais",
    attributes: { "ais.MMSI": { "misp-attribute": "text" }, broken: { description: "x" } },
  })!;
  deepEqual([...template.relations.keys()], ["ais.MMSI"]);
  equal(templateFromJson({ attributes: {} }), undefined);
});

Deno.test("relationshipsFromJson() lists names and opposites, ignoring malformed items", () => {
  deepEqual(
    relationshipsFromJson({
      values: [{ name: "uses", opposite: "used-by" }, { description: "x" }],
    }),
    [{ name: "uses", description: undefined, opposite: "used-by" }],
  );
  deepEqual(relationshipsFromJson("x"), []);
});
