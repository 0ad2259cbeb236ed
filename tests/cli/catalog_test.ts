import { deepEqual, equal, match } from "node:assert/strict";
import type { LibraryKind } from "../../src/catalog/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { tempDir } from "../support/sample_events.ts";
import {
  fileBytes,
  type FileContent,
  galaxyCheckout,
  objectsCheckout,
  taxonomyCheckout,
} from "../support/sample_libraries.ts";
import { THREAT_ACTOR_CLUSTER } from "../support/sample_catalog.ts";

async function writeCheckout(
  root: string,
  kind: LibraryKind,
  files: Record<string, FileContent>,
): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const file = `${root}/${path}`;
    await Deno.mkdir(file.slice(0, file.lastIndexOf("/")), { recursive: true });
    await Deno.writeFile(file, fileBytes(kind, path, content));
  }
}

async function checkouts(dir: string, galaxy = galaxyCheckout()): Promise<void> {
  await writeCheckout(`${dir}/taxonomies`, "taxonomies", taxonomyCheckout());
  await writeCheckout(`${dir}/galaxy`, "galaxy", galaxy);
  await writeCheckout(`${dir}/objects`, "objects", objectsCheckout());
}

const DANGLING = {
  ...galaxyCheckout(),
  "clusters/threat-actor.json": {
    ...THREAT_ACTOR_CLUSTER,
    values: [{
      ...THREAT_ACTOR_CLUSTER.values[0],
      related: [{ "dest-uuid": "11111111-2222-4333-8444-555555555555", type: "similar" }],
    }],
  },
};

Deno.test("kura catalog check exits 0 and prints only a summary for clean checkouts of all three kinds", async () => {
  await using dir = await tempDir();
  await checkouts(dir.path);
  const run = await runKura(["catalog", "check", "taxonomies", "galaxy", "objects"], dir.path);
  equal(run.code, 0, run.stdout + run.stderr);
  equal(run.stdout, "");
  match(run.stderr, /^7 file\(s\): 7 valid, 0 invalid; 0 error\(s\), 0 warning\(s\)\n$/);
});

Deno.test("kura catalog check prints file: json-path: message [rule] and exits 1 on errors", async () => {
  await using dir = await tempDir();
  await writeCheckout(`${dir.path}/galaxy`, "galaxy", {
    ...galaxyCheckout(),
    "clusters/threat-actor.json": { raw: "{" },
  });
  const run = await runKura(["catalog", "check", "galaxy/"], dir.path);
  equal(run.code, 1);
  match(run.stdout, /^galaxy\/clusters\/threat-actor\.json: Not valid JSON: .* \[file\.json\]\n$/);
});

Deno.test("kura catalog check treats warnings as accepted, and as errors with --strict", async () => {
  await using dir = await tempDir();
  await checkouts(dir.path, DANGLING);
  const run = await runKura(["catalog", "check", "galaxy"], dir.path);
  equal(run.code, 0);
  equal(
    run.stdout,
    "galaxy/clusters/threat-actor.json: values[0].related[0].dest-uuid: warning: dest-uuid " +
      "11111111-2222-4333-8444-555555555555 is not a cluster value of this checkout (it may point to " +
      "a cluster outside it) [cluster.related.unresolved]\n",
  );
  equal((await runKura(["catalog", "check", "--strict", "galaxy"], dir.path)).code, 1);
  equal((await runKura(["catalog", "check", "--quiet", "galaxy"], dir.path)).stdout, "");
});

Deno.test("kura catalog check --format json and github report like kura validate", async () => {
  await using dir = await tempDir();
  await checkouts(dir.path, DANGLING);
  const json = await runKura(["catalog", "check", "--format", "json", "galaxy"], dir.path);
  const report = JSON.parse(json.stdout);
  deepEqual(report.summary, { files: 2, valid: 2, invalid: 0, errors: 0, warnings: 1 });
  deepEqual(report.files.map((f: { file: string }) => f.file), [
    "galaxy/clusters/threat-actor.json",
    "galaxy/galaxies/threat-actor.json",
  ]);
  equal(report.files[0].issues[0].code, "cluster.related.unresolved");
  const github = await runKura(["catalog", "check", "--format", "github", "galaxy"], dir.path);
  match(
    github.stdout,
    /^::warning file=galaxy\/clusters\/threat-actor\.json,title=cluster\.related\.unresolved::values\[0\]\.related\[0\]\.dest-uuid: /,
  );
});

Deno.test("kura catalog check --fix rewrites files into the repository's formatting and changes no value", async () => {
  await using dir = await tempDir();
  await checkouts(dir.path);
  const file = `${dir.path}/objects/objects/file/definition.json`;
  const original = JSON.parse(await Deno.readTextFile(file));
  await Deno.writeTextFile(file, JSON.stringify(original)); // one line, trailing nothing
  const before = await runKura(["catalog", "check", "objects"], dir.path);
  equal(before.code, 1);
  match(
    before.stdout,
    /definition\.json: Not in the repository's canonical form \(`jq -S -j \.`\)/,
  );
  const fixed = await runKura(["catalog", "check", "--fix", "objects"], dir.path);
  equal(fixed.code, 0, fixed.stdout);
  match(fixed.stderr, /1 file\(s\) rewritten/);
  const text = await Deno.readTextFile(file);
  equal(text.endsWith("}"), true);
  deepEqual(JSON.parse(text), original);
  equal((await runKura(["catalog", "check", "objects"], dir.path)).code, 0);
});

Deno.test("kura catalog check uses the configured libraries when no folder is named", async () => {
  await using dir = await tempDir();
  await checkouts(dir.path, DANGLING);
  await Deno.writeTextFile(
    `${dir.path}/kura.json`,
    JSON.stringify({ libraries: { taxonomies: "taxonomies", galaxy: "galaxy" } }),
  );
  const run = await runKura(["catalog", "check"], dir.path);
  equal(run.code, 0);
  match(run.stderr, /^4 file\(s\)/);
  match(run.stdout, /cluster\.related\.unresolved/);
});

const usage: [string, string[], RegExp][] = [
  ["a missing action", ["catalog"], /missing action/],
  ["an unknown action", ["catalog", "lint"], /unknown action "lint"/],
  [
    "a folder that is no checkout",
    ["catalog", "check", "."],
    /is not a checkout of misp-taxonomies/,
  ],
  ["a folder that does not exist", ["catalog", "check", "nope"], /cannot read folder/],
  ["no folder and no configured library", ["catalog", "check"], /name the folders to check/],
];
for (const [what, args, message] of usage) {
  Deno.test(`kura catalog exits 2 for ${what}`, async () => {
    await using dir = await tempDir();
    const run = await runKura(args, dir.path);
    equal(run.code, 2);
    match(run.stderr, message);
  });
}
