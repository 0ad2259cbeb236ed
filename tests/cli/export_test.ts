import { deepEqual, equal, match, ok } from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { runKura } from "../support/run_cli.ts";
import { sampleRepo } from "../support/sample_repo.ts";

/** Sample events (data/events) by what they exercise. */
const PHISHING = "0f250d30-e5c9-58a9-996b-ef026da6f778"; // 3, published, with an object
const SCANNING = "24809d10-8522-56b1-977c-369d7d95bb6e"; // 3 with attributes 5, 0, 4, 1, 2
const DRAFT = "41386795-c255-513b-88ed-4250a0deffcd"; // 3, unpublished
const INTERNAL = "652e5d13-dd64-571f-97db-8334060313db"; // 0, unpublished, local tag
const LOADER = "65c12214-a122-56a7-9414-f1931da64286"; // 2
const ESPIONAGE = "9c32e129-0d67-5a38-969d-823218e4e101"; // 3, non-exportable tag
const ENERGY = "b83146d0-2819-505f-b5b2-aaedfdf22e4c"; // 4, energy sharing group
const CONTOSO = "bffa0fee-afdf-53bc-a734-9a2f966c5ec4"; // 1, amber

async function exported(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.name.endsWith(".json")) names.push(entry.name);
  }
  return names.filter((n) => n !== "manifest.json").map((n) => n.slice(0, -5)).sort();
}

Deno.test("kura export writes the public feed of the sample data: distribution 3, published, nothing else", async () => {
  await using repo = await sampleRepo();
  const run = await runKura(["export", "public", "export/public"], repo.path);
  equal(run.code, 0, run.stderr);
  match(run.stderr, /feed "public": 5 event\(s\), \d+ hash line\(s\) written to export\/public/);
  const out = `${repo.path}/export/public`;
  deepEqual(
    await exported(out),
    [
      PHISHING,
      SCANNING,
      "3391faa7-a42f-5067-af53-14eefabd6f5c",
      "6a7f5769-025c-5906-960f-1ec1b72c4a64",
      ESPIONAGE,
    ].sort(),
  );
  const manifest = JSON.parse(await Deno.readTextFile(`${out}/manifest.json`));
  deepEqual(Object.keys(manifest), await exported(out));
  const scanning = JSON.parse(await Deno.readTextFile(`${out}/${SCANNING}.json`)).Event;
  deepEqual(scanning.Attribute.map((a: { value: string }) => a.value), ["198.51.100.77"]);
  const espionage = await Deno.readTextFile(`${out}/${ESPIONAGE}.json`);
  ok(!espionage.includes("review-ticket"), "non-exportable tags never leave");
  for (const name of ["manifest.json", "hashes.csv", `${PHISHING}.json`]) {
    equal(
      new TextDecoder().decode(gunzipSync(await Deno.readFile(`${out}/${name}.gz`))),
      await Deno.readTextFile(`${out}/${name}`),
    );
  }
});

Deno.test("kura export gives each audience what MISP would send it", async () => {
  await using repo = await sampleRepo();
  for (const feed of ["northwind", "energy", "internal"]) {
    const run = await runKura(["export", feed, `export/${feed}`, "--allow-token-feed"], repo.path);
    equal(run.code, 0, run.stderr);
  }
  const northwind = `${repo.path}/export/northwind`;
  deepEqual(
    await exported(northwind),
    [
      PHISHING,
      SCANNING,
      "3391faa7-a42f-5067-af53-14eefabd6f5c",
      LOADER,
      "6a7f5769-025c-5906-960f-1ec1b72c4a64",
      ESPIONAGE,
      ENERGY,
    ].sort(),
  );
  const loader = JSON.parse(await Deno.readTextFile(`${northwind}/${LOADER}.json`)).Event;
  equal(loader.distribution, "1", "2 is sent as 1");
  const scanning = JSON.parse(await Deno.readTextFile(`${northwind}/${SCANNING}.json`)).Event;
  deepEqual(
    scanning.Attribute.map((
      a: { value: string; distribution: string },
    ) => [a.value, a.distribution]),
    [
      ["198.51.100.77", "5"],
      ["198.51.100.79", "4"],
      ["198.51.100.81", "1"],
    ],
  );
  const internal = `${repo.path}/export/internal`;
  deepEqual((await exported(internal)).length, 10);
  ok(
    (await Deno.readTextFile(`${internal}/${INTERNAL}.json`)).includes('triage:owner=\\"alice\\"'),
  );
  ok(!(await exported(northwind)).includes(DRAFT));
  ok(!(await exported(northwind)).includes(CONTOSO));
});

Deno.test("kura export twice gives byte-identical files and reports them unchanged", async () => {
  await using repo = await sampleRepo();
  await runKura(["export", "public", "out"], repo.path);
  const first = await Deno.readTextFile(`${repo.path}/out/manifest.json`);
  const again = await runKura(["export", "public", "out"], repo.path);
  equal(again.code, 0);
  match(again.stderr, /\(7 of 7 file\(s\) unchanged\)/);
  equal(await Deno.readTextFile(`${repo.path}/out/manifest.json`), first);
});

Deno.test("kura export refuses a token feed without --allow-token-feed and writes nothing", async () => {
  await using repo = await sampleRepo();
  const run = await runKura(["export", "northwind", "out"], repo.path);
  equal(run.code, 2);
  match(run.stderr, /token holders only.*--allow-token-feed/s);
  await Deno.lstat(`${repo.path}/out`).then(() => ok(false, "nothing written"), () => {});
});

Deno.test("kura export refuses an invalid or unknown feed and writes nothing", async () => {
  await using repo = await sampleRepo();
  await Deno.writeTextFile(
    `${repo.path}/feeds/bad.json`,
    JSON.stringify({ audience: "public", access: "public", extra: 1 }),
  );
  const bad = await runKura(["export", "bad", "out"], repo.path);
  equal(bad.code, 1);
  match(bad.stderr, /feeds\/bad\.json: extra: unknown field "extra"/);
  const missing = await runKura(["export", "nosuch", "out"], repo.path);
  equal(missing.code, 1);
  match(missing.stderr, /feeds\/nosuch\.json: Cannot read file/);
  await Deno.lstat(`${repo.path}/out`).then(() => ok(false, "nothing written"), () => {});
});

Deno.test("kura export skips unreadable event files, says so and exits 1", async () => {
  await using repo = await sampleRepo();
  await Deno.writeTextFile(`${repo.path}/data/events/${PHISHING}.json`, "{ broken");
  const run = await runKura(["export", "public", "out"], repo.path);
  equal(run.code, 1);
  match(run.stderr, new RegExp(`data/events/${PHISHING}\\.json: Not valid JSON.*\\(skipped\\)`));
  match(run.stderr, /4 event\(s\).*1 unreadable event file\(s\) skipped/);
  ok(!(await exported(`${repo.path}/out`)).includes(PHISHING));
});

Deno.test("kura export needs a feed and a folder", async () => {
  await using repo = await sampleRepo();
  const run = await runKura(["export", "public"], repo.path);
  equal(run.code, 2);
  match(run.stderr, /kura export <feed> <folder>/);
});
