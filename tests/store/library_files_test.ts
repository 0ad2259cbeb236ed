import { deepEqual, equal, rejects } from "node:assert/strict";
import { detectLibraryKind, listLibraryFiles, listTopFolders } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";
import { MISP_DATA, sharedTest } from "../support/shared_data.ts";

async function writeTree(root: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    const file = `${root}/${path}`;
    await Deno.mkdir(file.slice(0, file.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(file, "{}");
  }
}

Deno.test("detectLibraryKind() tells the three checkouts apart and refuses other folders", async () => {
  await using dir = await tempDir();
  const layouts: [string, string[], string | undefined][] = [
    ["t", ["tlp/machinetag.json"], "taxonomies"],
    ["m", ["MANIFEST.json"], "taxonomies"],
    ["g", ["galaxies/a.json", "clusters/a.json"], "galaxy"],
    ["o", ["objects/file/definition.json", "relationships/definition.json"], "objects"],
    ["x", ["events/a.json"], undefined],
  ];
  for (const [name, paths, kind] of layouts) {
    await writeTree(`${dir.path}/${name}`, paths);
    equal(await detectLibraryKind(`${dir.path}/${name}`), kind, name);
  }
  await rejects(detectLibraryKind(`${dir.path}/absent`), Deno.errors.NotFound);
});

Deno.test("listLibraryFiles() lists the files of the checkout's roles, sorted, skipping hidden and tool folders", async () => {
  await using dir = await tempDir();
  await writeTree(dir.path, [
    "galaxies/b.json",
    "galaxies/a.json",
    "clusters/a.json",
    "vocabularies/common/x.json",
    "misp/threat-actor.json",
    "schema_clusters.json",
    "tools/config/x.json",
    ".git/x.json",
    "README.json.md",
  ]);
  deepEqual(await listLibraryFiles(dir.path, "galaxy"), [
    "clusters/a.json",
    "galaxies/a.json",
    "galaxies/b.json",
    "misp/threat-actor.json",
    "schema_clusters.json",
    "vocabularies/common/x.json",
  ]);
  deepEqual(await listTopFolders(dir.path), [
    "clusters",
    "galaxies",
    "misp",
    "tools",
    "vocabularies",
  ]);
});

sharedTest(
  "listLibraryFiles() finds every data file of the real checkouts (SOURCES.md counts)",
  async () => {
    // 183 taxonomies + MANIFEST, schema, schema_mapping, mapping/mapping.json.
    equal((await listLibraryFiles(`${MISP_DATA}/taxonomies`, "taxonomies")).length, 187);
    // 131 galaxies, 129 clusters, 11 vocabularies, misp/threat-actor.json, 4 schemas.
    equal((await listLibraryFiles(`${MISP_DATA}/galaxy`, "galaxy")).length, 276);
    // 424 templates, the relationship list, 2 schemas.
    equal((await listLibraryFiles(`${MISP_DATA}/objects`, "objects")).length, 427);
  },
);
