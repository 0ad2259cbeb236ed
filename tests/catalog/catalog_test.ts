import { deepEqual, equal, ok } from "node:assert/strict";
import { BUILTIN_TAXONOMIES, Catalog } from "../../src/catalog/mod.ts";
import { DOMAIN_IP_TEMPLATE, sampleCatalog } from "../support/sample_catalog.ts";

/** The kind of resolution and its canonical name or reason, for table-driven assertions. */
function resolved(catalog: Catalog, name: string): string {
  const found = catalog.resolveTag(name);
  switch (found.kind) {
    case "taxonomy":
    case "galaxy":
      return `${found.kind} ${found.name}`;
    case "taxonomy-unknown":
    case "galaxy-unknown":
      return `${found.kind}: ${found.reason}`;
    default:
      return found.kind;
  }
}

const cases: [string, string][] = [
  ["tlp:amber", "taxonomy tlp:amber"],
  ["tlp:amber+strict", "taxonomy tlp:amber+strict"],
  ["tlp:clear", "taxonomy tlp:clear"],
  ["tlp:ex:chr", "taxonomy tlp:ex:chr"],
  ["TLP:AMBER", "taxonomy tlp:amber"],
  ["pap:green", "taxonomy PAP:GREEN"],
  ["tlp:purple", 'taxonomy-unknown: "purple" is not a predicate of taxonomy "tlp"'],
  ['tlp:red="x"', 'taxonomy-unknown: predicate "red" takes no value'],
  ['admiralty-scale:source-reliability="a"', 'taxonomy admiralty-scale:source-reliability="a"'],
  [
    'admiralty-scale:source-reliability="z"',
    'taxonomy-unknown: "z" is not a value of admiralty-scale:source-reliability',
  ],
  [
    "admiralty-scale:source-reliability",
    'taxonomy-unknown: predicate "source-reliability" needs a value, e.g. admiralty-scale:source-reliability="a"',
  ],
  ["admiralty-scale:note", "taxonomy admiralty-scale:note"],
  ['workflow:todo="check "this": now"', 'taxonomy workflow:todo="check "this": now"'],
  ['misp-galaxy:threat-actor="APT28"', 'galaxy misp-galaxy:threat-actor="APT28"'],
  ['misp-galaxy:threat-actor="apt28"', 'galaxy misp-galaxy:threat-actor="APT28"'],
  [
    'misp-galaxy:threat-actor="5b4ee3ea-eee3-4c8e-8323-85ae32658754"',
    'galaxy misp-galaxy:threat-actor="5b4ee3ea-eee3-4c8e-8323-85ae32658754"',
  ],
  [
    'misp-galaxy:threat-actor="APT 28"',
    'galaxy-unknown: "APT 28" is not a value of galaxy "threat-actor"',
  ],
  ['misp-galaxy:nope="x"', 'galaxy-unknown: there is no galaxy of type "nope"'],
  [
    "misp-galaxy:threat-actor",
    'galaxy-unknown: "misp-galaxy:threat-actor" is not of the form misp-galaxy:<type>="<value>"',
  ],
  ["osint", "free-form"],
  ['triage:owner="alice"', "free-form"],
];

for (const [name, expected] of cases) {
  Deno.test(`Catalog.resolveTag() resolves ${JSON.stringify(name)}`, () => {
    equal(resolved(sampleCatalog(), name), expected);
  });
}

Deno.test("Catalog.resolveTag() leaves galaxy tags unchecked when no galaxy library is loaded", () => {
  equal(new Catalog().resolveTag('misp-galaxy:threat-actor="APT28"').kind, "unchecked");
});

Deno.test("new Catalog() falls back to the built-in tlp and PAP taxonomies when none are given", () => {
  const catalog = new Catalog();
  deepEqual(catalog.taxonomies, BUILTIN_TAXONOMIES);
  equal(catalog.hasGalaxies, false);
  equal(catalog.hasTemplates, false);
  equal(catalog.hasRelationships, false);
});

Deno.test("Catalog.template() finds a template by uuid in any case, then by name", () => {
  const catalog = sampleCatalog();
  equal(catalog.template(DOMAIN_IP_TEMPLATE.uuid.toUpperCase(), "x")?.by, "uuid");
  equal(catalog.template("00000000-0000-4000-8000-000000000000", "file")?.by, "name");
  equal(catalog.template(undefined, "file")?.template.name, "file");
  equal(catalog.template("00000000-0000-4000-8000-000000000000", "nope"), undefined);
});

Deno.test("Catalog.relationship() looks names up exactly", () => {
  const catalog = sampleCatalog();
  ok(catalog.relationship("related-to"));
  equal(catalog.relationship("Related-To"), undefined);
});
