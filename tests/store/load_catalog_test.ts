import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import { BUILTIN_TAXONOMIES } from "../../src/catalog/mod.ts";
import { ConfigError } from "../../src/errors.ts";
import { loadCatalog } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";
import { MISP_DATA, sharedTest } from "../support/shared_data.ts";
import { ADMIRALTY_JSON } from "../support/sample_catalog.ts";

Deno.test("loadCatalog() falls back to the built-in taxonomies and checks no galaxies or templates without libraries", async () => {
  const catalog = await loadCatalog({});
  deepEqual(catalog.taxonomies, BUILTIN_TAXONOMIES);
  equal(catalog.hasGalaxies, false);
  equal(catalog.hasTemplates, false);
});

Deno.test("loadCatalog() loads a taxonomies folder and skips, and reports, a file it cannot parse", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/admiralty-scale`);
  await Deno.mkdir(`${dir.path}/broken`);
  await Deno.writeTextFile(
    `${dir.path}/admiralty-scale/machinetag.json`,
    JSON.stringify(ADMIRALTY_JSON),
  );
  await Deno.writeTextFile(`${dir.path}/broken/machinetag.json`, "{");
  const problems: string[] = [];
  const catalog = await loadCatalog({ taxonomies: dir.path }, {
    onProblem: (file) => problems.push(file),
  });
  deepEqual(catalog.taxonomies.map((t) => t.namespace), ["admiralty-scale"]);
  deepEqual(problems, [`${dir.path}/broken/machinetag.json`]);
  // The built-in set is replaced, not merged: the configured library is authoritative.
  equal(catalog.resolveTag("tlp:red").kind, "free-form");
});

Deno.test("loadCatalog() throws ConfigError naming the library for a missing or wrong folder", async () => {
  await using dir = await tempDir();
  await rejects(
    loadCatalog({ galaxy: `${dir.path}/nope` }),
    (e: Error) =>
      e instanceof ConfigError &&
      /libraries\.galaxy: cannot read folder .*no such folder/.test(e.message),
  );
  await Deno.mkdir(`${dir.path}/tlp`);
  await Deno.writeTextFile(`${dir.path}/tlp/machinetag.json`, "{}");
  await rejects(
    loadCatalog({ objects: dir.path }),
    (e: Error) =>
      e instanceof ConfigError && /libraries\.objects: .* is a taxonomies checkout/.test(e.message),
  );
});

sharedTest("loadCatalog() loads the full real libraries (misp-formats.md counts)", async () => {
  const problems: string[] = [];
  const catalog = await loadCatalog({
    taxonomies: `${MISP_DATA}/taxonomies`,
    galaxy: `${MISP_DATA}/galaxy`,
    objects: `${MISP_DATA}/objects`,
  }, { onProblem: (file) => problems.push(file) });
  deepEqual(problems, []);
  equal(catalog.taxonomies.length, 183);
  equal(catalog.galaxies.length, 131);
  equal(catalog.clusters.length, 129);
  equal(catalog.clusters.reduce((n, c) => n + c.values.length, 0), 46025);
  equal(catalog.templates.length, 424);
  equal(catalog.relationships.length, 313);
  equal(catalog.resolveTag('misp-galaxy:threat-actor="APT28"').kind, "galaxy");
  equal(catalog.resolveTag('aviation:target-sub-systems="CNS:SUR:ADS-B"').kind, "taxonomy");
  ok(catalog.template("43b3b146-77eb-4931-b4cc-b66c60f28734", undefined));
});
