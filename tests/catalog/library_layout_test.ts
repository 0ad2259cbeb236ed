import { equal } from "node:assert/strict";
import { libraryFileRole, type LibraryKind, libraryKindOf } from "../../src/catalog/mod.ts";

const roles: [LibraryKind, string, string | undefined][] = [
  ["taxonomies", "tlp/machinetag.json", "taxonomy"],
  ["taxonomies", "MANIFEST.json", "manifest"],
  ["taxonomies", "schema.json", "schema"],
  ["taxonomies", "schema_mapping.json", "schema"],
  ["taxonomies", "mapping/mapping.json", "mapping"],
  ["taxonomies", "tools/machinetag.json", undefined],
  ["taxonomies", "tlp/sub/machinetag.json", undefined],
  ["galaxy", "galaxies/tool.json", "galaxy"],
  ["galaxy", "clusters/tool.json", "cluster"],
  ["galaxy", "vocabularies/common/sector.json", "vocabulary"],
  ["galaxy", "misp/threat-actor.json", "galaxy-misp"],
  ["galaxy", "schema_clusters.json", "schema"],
  ["galaxy", "tools/tidal-api/config/x.json", undefined],
  ["galaxy", ".github/x.json", undefined],
  ["objects", "objects/file/definition.json", "template"],
  ["objects", "relationships/definition.json", "relationships"],
  ["objects", "schema_objects.json", "schema"],
  ["objects", "objects/file/icon.json", undefined],
];

for (const [kind, path, role] of roles) {
  Deno.test(`libraryFileRole() gives ${path} in ${kind} the role ${role ?? "none"}`, () => {
    equal(libraryFileRole(kind, path), role);
  });
}

Deno.test("libraryKindOf() tells the kind from the top-level names", () => {
  equal(libraryKindOf(["galaxies/", "clusters/", "README.md"], false), "galaxy");
  equal(libraryKindOf(["objects/", "relationships/"], false), "objects");
  equal(libraryKindOf(["MANIFEST.json"], false), "taxonomies");
  equal(libraryKindOf(["tlp/"], true), "taxonomies");
  equal(libraryKindOf(["events/"], false), undefined);
});
