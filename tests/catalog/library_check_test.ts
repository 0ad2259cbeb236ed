import { deepEqual, equal, match } from "node:assert/strict";
import { LibraryCheck } from "../../src/catalog/mod.ts";
import {
  checkFiles,
  galaxyCheckout,
  objectsCheckout,
  taxonomyCheckout,
} from "../support/sample_libraries.ts";
import { THREAT_ACTOR_CLUSTER } from "../support/sample_catalog.ts";

Deno.test("LibraryCheck finds nothing in valid minimal checkouts of the three repositories", () => {
  deepEqual(checkFiles("taxonomies", taxonomyCheckout(), { topFolders: ["admiralty-scale"] }), []);
  deepEqual(checkFiles("galaxy", galaxyCheckout()), []);
  deepEqual(checkFiles("objects", objectsCheckout()), []);
});

const malformed: [string, string | Uint8Array, string][] = [
  ["broken JSON", '{"namespace": ', "file.json"],
  ["a byte order mark", "\uFEFF{}", "file.bom"],
  ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), "file.encoding"],
];
for (const [what, raw, code] of malformed) {
  Deno.test(`LibraryCheck reports ${what} as a finding and carries on`, () => {
    const files = { ...galaxyCheckout(), "clusters/threat-actor.json": { raw } };
    // The galaxy's cluster file is broken, not missing: only the parse finding is reported.
    deepEqual(checkFiles("galaxy", files), [`clusters/threat-actor.json  error ${code}`]);
  });
}

Deno.test("LibraryCheck reports a file not in canonical form and returns its canonical text", () => {
  const check = new LibraryCheck("objects");
  const text = '{"name":"x"}';
  const added = check.add("relationships/definition.json", new TextEncoder().encode(text));
  equal(added.canonical, '{\n  "name": "x"\n}');
  const [format] = check.finish().filter((f) => f.issue.code === "format.not-canonical");
  match(format!.issue.message, /jq -S -j \.`\): first difference on line 1/);
});

Deno.test("LibraryCheck reports schema violations with the role, keyword and JSON path", () => {
  const files = {
    ...galaxyCheckout(),
    "clusters/threat-actor.json": {
      ...THREAT_ACTOR_CLUSTER,
      version: "300",
      values: [{ ...THREAT_ACTOR_CLUSTER.values[0], colour: "red" }],
    },
  };
  deepEqual(checkFiles("galaxy", files), [
    "clusters/threat-actor.json values[0].colour error cluster.schema.additional",
    "clusters/threat-actor.json version error cluster.schema.type",
  ]);
});

Deno.test("LibraryCheck ignores files that play no role in the checkout", () => {
  deepEqual(checkFiles("galaxy", { ...galaxyCheckout(), "tools/x.json": { raw: "{" } }), []);
});

Deno.test("LibraryCheck reports executable JSON files in galaxy and objects checkouts", () => {
  deepEqual(
    checkFiles("galaxy", galaxyCheckout(), { executable: ["galaxies/threat-actor.json"] }),
    [
      "galaxies/threat-actor.json  error file.executable",
    ],
  );
});
