import { deepEqual, equal } from "node:assert/strict";
import { loadConfig } from "../../src/config/mod.ts";
import { eventChecksFor } from "../../src/cli/event_checks.ts";
import { checkDataFile } from "../../src/store/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleEvent, tempDir } from "../support/sample_events.ts";
import { MISP_DATA, sharedJsonFiles, sharedTest } from "../support/shared_data.ts";

const REPO = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const FULL_LIBRARIES = {
  taxonomies: `${MISP_DATA}/taxonomies`,
  galaxy: `${MISP_DATA}/galaxy`,
  objects: `${MISP_DATA}/objects`,
};

Deno.test("eventChecksFor() checks tags against the built-in taxonomies when no library is configured", async () => {
  await using dir = await tempDir();
  const config = await loadConfig({ cwd: dir.path });
  const checks = await eventChecksFor(config, { strictTags: false });
  const event = sampleEvent({
    Tag: [{ name: "tlp:red" }, { name: "tlp:green" }, { name: "tlp:purple" }],
  });
  deepEqual(checks.flatMap((check) => check(event)).map((i) => `${i.severity} ${i.code}`), [
    "warning tag.taxonomy.unknown",
    "error tag.taxonomy.exclusive",
  ]);
  const strict = await eventChecksFor(config, { strictTags: true });
  equal(
    strict.flatMap((check) => check(sampleEvent({ Tag: [{ name: "osint" }] })))[0]?.code,
    "tag.free-form",
  );
});

Deno.test("eventChecksFor() honours taxonomies.disabled from the configuration", async () => {
  await using dir = await tempDir();
  await Deno.writeTextFile(
    `${dir.path}/kura.json`,
    JSON.stringify({ taxonomies: { disabled: ["PAP"] } }),
  );
  const config = await loadConfig({ cwd: dir.path });
  const checks = await eventChecksFor(config, { strictTags: true });
  const issues = checks.flatMap((check) => check(sampleEvent({ Tag: [{ name: "PAP:RED" }] })));
  deepEqual(issues.map((i) => `${i.severity} ${i.code}`), ["error tag.taxonomy.disabled"]);
});

sharedTest(
  "kura validate accepts the sample data with the full libraries, without errors or warnings",
  async () => {
    await using dir = await tempDir();
    await Deno.writeTextFile(
      `${dir.path}/kura.json`,
      JSON.stringify({ data: `${REPO}/data`, libraries: FULL_LIBRARIES }),
    );
    const run = await runKura(["validate"], dir.path);
    equal(run.code, 0, run.stdout);
    equal(run.stdout, "");
  },
);

sharedTest(
  "every event of misp-data/events validates with the full libraries loaded, without a crash",
  async () => {
    await using dir = await tempDir();
    const config = await loadConfig({ cwd: dir.path });
    const checks = await eventChecksFor({ ...config, libraries: FULL_LIBRARIES }, {
      strictTags: true,
    });
    let checked = 0;
    for (const path of await sharedJsonFiles("events")) {
      const issues = await checkDataFile(path, { maxBytes: 64 << 20, checks });
      equal(issues.some((issue) => issue.code === "check.crashed"), false, path);
      checked++;
    }
    equal(checked, 40 - 1); // every JSON file of events/ (LICENSE is not JSON)
  },
);
