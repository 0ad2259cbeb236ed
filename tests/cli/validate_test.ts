import { deepEqual, equal, match, ok } from "node:assert/strict";
import { formatEventDocument } from "../../src/model/mod.ts";
import { sampleAttribute, sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleRepo } from "../support/sample_repo.ts";

async function dataFolder(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const path = `${dir}/data/${name}`;
    await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(path, text);
  }
}

Deno.test("kura validate exits 0 and prints a summary when every file is valid", async () => {
  await using dir = await tempDir();
  await dataFolder(dir.path, {
    [`events/${uuidN(1)}.json`]: formatEventDocument(sampleEvent({ uuid: uuidN(1) })),
  });
  const run = await runKura(["validate"], dir.path);
  equal(run.code, 0, run.stdout + run.stderr);
  equal(run.stdout, "");
  match(run.stderr, /1 file\(s\): 1 valid, 0 invalid/);
});

Deno.test("kura validate prints file: json-path: message [rule] and exits 1 for invalid data", async () => {
  await using dir = await tempDir();
  const bad = sampleEvent({ uuid: uuidN(1), Attribute: [sampleAttribute(1, { type: "nope" })] });
  await dataFolder(dir.path, { [`events/${uuidN(1)}.json`]: formatEventDocument(bad) });
  const run = await runKura(["validate"], dir.path);
  equal(run.code, 1);
  equal(
    run.stdout,
    `data/events/${
      uuidN(1)
    }.json: Event.Attribute[0].type: "nope" is not a MISP attribute type [attribute.type.unknown]\n`,
  );
});

const badFiles: [string, string, string, RegExp][] = [
  ["invalid JSON", `events/${uuidN(1)}.json`, "{", /Not valid JSON/],
  ["a root that is not {Event}", `events/${uuidN(1)}.json`, "[]", /root must be an object/],
  ["a byte order mark", `events/${uuidN(1)}.json`, "\uFEFF{}", /byte order mark/],
  [
    "a name that is not a uuid",
    "events/my-event.json",
    formatEventDocument(sampleEvent()),
    /File name "my-event.json" is not <uuid>.json/,
  ],
  [
    "a name that differs from the uuid",
    `events/${uuidN(2)}.json`,
    formatEventDocument(sampleEvent({ uuid: uuidN(1) })),
    /is named .* but holds event/,
  ],
];
for (const [what, name, text, message] of badFiles) {
  Deno.test(`kura validate rejects ${what} with a message naming the problem and changes nothing`, async () => {
    await using dir = await tempDir();
    await dataFolder(dir.path, { [name]: text });
    const run = await runKura(["validate"], dir.path);
    equal(run.code, 1);
    match(run.stdout, message);
    equal(await Deno.readTextFile(`${dir.path}/data/${name}`), text);
  });
}

Deno.test("kura validate rejects a file over the configured size limit", async () => {
  await using dir = await tempDir();
  await Deno.writeTextFile(
    `${dir.path}/kura.json`,
    JSON.stringify({ limits: { maxEventBytes: 2048 } }),
  );
  await dataFolder(dir.path, {
    [`events/${uuidN(1)}.json`]: formatEventDocument(sampleEvent({ uuid: uuidN(1) }, 30)),
  });
  const run = await runKura(["validate"], dir.path);
  equal(run.code, 1);
  match(run.stdout, /over the 2048-byte limit/);
});

Deno.test("kura validate rejects a symlink leading out of the data folder", async () => {
  await using dir = await tempDir();
  await dataFolder(dir.path, { "outside.json": "{}" });
  await Deno.mkdir(`${dir.path}/data/events`);
  await Deno.mkdir(`${dir.path}/elsewhere`);
  await Deno.writeTextFile(
    `${dir.path}/elsewhere/x.json`,
    formatEventDocument(sampleEvent({ uuid: uuidN(1) })),
  );
  await Deno.symlink(`${dir.path}/elsewhere/x.json`, `${dir.path}/data/events/${uuidN(1)}.json`);
  for (const args of [["validate"], ["validate", "data/events"]]) {
    const run = await runKura(args, dir.path);
    equal(run.code, 1);
    match(run.stdout, /Symlink leads out of the data folder/);
  }
});

Deno.test("kura validate --format json prints one document with per-file verdicts", async () => {
  await using dir = await tempDir();
  await dataFolder(dir.path, {
    [`events/${uuidN(1)}.json`]: formatEventDocument(sampleEvent({ uuid: uuidN(1) })),
    [`events/${uuidN(2)}.json`]: "{",
  });
  const run = await runKura(["validate", "--format", "json"], dir.path);
  equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  deepEqual(report.summary, { files: 2, valid: 1, invalid: 1, errors: 1, warnings: 0 });
  deepEqual(report.files.map((f: { valid: boolean }) => f.valid), [true, false]);
  equal(report.files[1].issues[0].code, "file.json");
});

Deno.test("kura validate --format github prints workflow annotations with escaped text", async () => {
  await using dir = await tempDir();
  const bad = sampleEvent({ uuid: uuidN(1), info: "two\nlines" });
  await dataFolder(dir.path, { [`events/${uuidN(1)}.json`]: formatEventDocument(bad) });
  const run = await runKura(["validate", "--format", "github"], dir.path);
  equal(run.code, 0);
  equal(
    run.stdout,
    `::warning file=data/events/${
      uuidN(1)
    }.json,title=event.info.newline::Event.info: info should be one line (misp-rfc%3A no newlines)\n`
      .replace("(misp-rfc%3A", "(misp-rfc:"),
  );
});

Deno.test("kura validate validates organisations, sharing groups and proposals by folder", async () => {
  await using dir = await tempDir();
  await dataFolder(dir.path, {
    [`orgs/${uuidN(1)}.json`]: JSON.stringify({ Organisation: { uuid: uuidN(1) } }),
    [`sharing-groups/${uuidN(2)}.json`]: JSON.stringify({
      SharingGroup: { uuid: uuidN(2), name: "SG" },
    }),
    [`proposals/${uuidN(3)}.json`]: JSON.stringify({
      ShadowAttribute: { uuid: uuidN(3), event_uuid: uuidN(4), type: "nope" },
    }),
  });
  const run = await runKura(["validate"], dir.path);
  equal(run.code, 1);
  match(run.stdout, /orgs\/.*Organisation.name: The organisation has no name/);
  match(run.stdout, /proposals\/.*"nope" is not a MISP attribute type/);
  ok(!run.stdout.includes("sharing-groups/"));
});

Deno.test("kura validate exits 2 with a clear message for an unknown option or a missing path", async () => {
  await using dir = await tempDir();
  const unknown = await runKura(["validate", "--frmat", "json"], dir.path);
  equal(unknown.code, 2);
  match(unknown.stderr, /Unknown option '--frmat'/);
  const missing = await runKura(["validate", "nowhere"], dir.path);
  equal(missing.code, 2);
  match(missing.stderr, /not found/);
});

Deno.test("kura validate --help prints usage and exits 0", async () => {
  const run = await runKura(["validate", "--help"], "/");
  equal(run.code, 0);
  match(run.stdout, /Usage: kura validate/);
});

/** A data folder mixing valid files, bad values, unreadable JSON, records and a stray symlink. */
async function mixedDataFolder(dir: string): Promise<void> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= 40; n++) {
    const attributes = [
      sampleAttribute(1),
      sampleAttribute(
        2,
        n % 3 === 0 ? { type: "md5", category: "Payload delivery", value: "xyz" } : {},
      ),
      sampleAttribute(3, n % 4 === 0 ? { type: "domain", value: "Example.COM" } : {}),
    ];
    files[`events/${uuidN(n)}.json`] = n % 7 === 0
      ? "{ not json"
      : formatEventDocument(sampleEvent({ uuid: uuidN(n), Attribute: attributes }));
  }
  files[`orgs/${uuidN(100)}.json`] = JSON.stringify({ Organisation: { uuid: uuidN(100) } });
  files["events/notes.json"] = formatEventDocument(sampleEvent({ uuid: uuidN(101) }));
  await dataFolder(dir, files);
  await Deno.writeTextFile(`${dir}/outside.json`, "{}");
  await Deno.symlink(`${dir}/outside.json`, `${dir}/data/events/${uuidN(102)}.json`);
}

for (const format of ["human", "json", "github"]) {
  Deno.test(`kura validate --format ${format} prints the same with worker threads as without`, async () => {
    await using dir = await tempDir();
    await mixedDataFolder(dir.path);
    const single = await runKura(["validate", "--format", format, "--jobs", "1"], dir.path);
    equal(single.code, 1);
    ok(single.stdout.length > 0);
    for (const jobs of ["2", "3"]) {
      const pooled = await runKura(["validate", "--format", format, "--jobs", jobs], dir.path);
      deepEqual(pooled, single, `--jobs ${jobs}`);
    }
    const quiet = await runKura(["validate", "--quiet", "--jobs", "1"], dir.path);
    deepEqual(await runKura(["validate", "--quiet", "--jobs", "2"], dir.path), quiet);
  });
}

Deno.test("kura validate reports the summary of every file when run on worker threads", async () => {
  await using dir = await tempDir();
  await mixedDataFolder(dir.path);
  const run = await runKura(["validate", "--jobs", "2"], dir.path);
  equal(run.code, 1);
  // 40 events, one misnamed event, one symlink, one organisation; 5 unreadable, 13 bad md5s,
  // and the misnamed, symlinked and nameless-organisation files.
  match(run.stderr, /^43 file\(s\): 23 valid, 20 invalid; /);
  match(run.stdout, /"xyz" is not an md5/);
  match(run.stdout, /warning: "Example\.COM" is valid but MISP stores it as "example\.com"/);
});

Deno.test("kura validate exits 2 when --jobs is not a whole number from 1", async () => {
  await using dir = await tempDir();
  for (const jobs of ["0", "two", "1.5"]) {
    const run = await runKura(["validate", "--jobs", jobs], dir.path);
    equal(run.code, 2);
    match(run.stderr, /--jobs must be a whole number/);
  }
});

Deno.test("kura validate checks the files of the feeds folder as feed definitions, in file order", async () => {
  await using repo = await sampleRepo();
  const clean = await runKura(["validate", "feeds", "data"], repo.path);
  equal(clean.code, 0, clean.stdout);
  match(clean.stderr, /^19 file\(s\): 19 valid, 0 invalid/m);
  await Deno.writeTextFile(`${repo.path}/feeds/broken.json`, '{"audience": "nobody"}');
  const run = await runKura(["validate", "feeds", "--format", "json"], repo.path);
  equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  deepEqual(
    report.files.map((file: { file: string; valid: boolean }) => [file.file, file.valid]),
    [
      ["feeds/broken.json", false],
      ["feeds/energy.json", true],
      ["feeds/internal.json", true],
      ["feeds/northwind.json", true],
      ["feeds/public.json", true],
    ],
  );
  match(JSON.stringify(report.files[0].issues), /audience/);
  equal(JSON.stringify(report).includes("document.root"), false, "not read as events");
});
