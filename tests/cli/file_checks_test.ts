import { deepEqual, equal } from "node:assert/strict";
import { checkFoundFile } from "../../src/cli/file_checks.ts";
import { loadConfig } from "../../src/config/mod.ts";
import { formatEventDocument } from "../../src/model/mod.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

Deno.test("checkFoundFile() applies the configured size limit, reading either way", async () => {
  await using dir = await tempDir();
  await Deno.writeTextFile(
    `${dir.path}/kura.json`,
    JSON.stringify({ limits: { maxEventBytes: 1024 } }),
  );
  const path = `${dir.path}/${uuidN(1)}.json`;
  await Deno.writeTextFile(path, formatEventDocument(sampleEvent({ uuid: uuidN(1) }, 20)));
  const settings = {
    config: await loadConfig({ cwd: dir.path }),
    strictTags: false,
    now: 1_700_000_000,
  };
  const async = await checkFoundFile({ path }, { settings, checks: [] });
  const blocking = await checkFoundFile({ path }, { settings, checks: [], blocking: true });
  equal(async[0]?.code, "file.size");
  deepEqual(blocking, async);
});

Deno.test("checkFoundFile() runs the plugged-in event checks", async () => {
  await using dir = await tempDir();
  const path = `${dir.path}/${uuidN(1)}.json`;
  await Deno.writeTextFile(path, formatEventDocument(sampleEvent({ uuid: uuidN(1) })));
  const settings = {
    config: await loadConfig({ cwd: dir.path }),
    strictTags: false,
    now: 1_700_000_000,
  };
  const check =
    () => [{ code: "x.check", severity: "warning" as const, path: "Event", message: "seen" }];
  deepEqual(
    (await checkFoundFile({ path }, { settings, checks: [check] })).map((issue) => issue.code),
    ["x.check"],
  );
});
