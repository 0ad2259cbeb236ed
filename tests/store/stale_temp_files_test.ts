import { deepEqual, equal } from "node:assert/strict";
import { removeStaleTempFiles } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("removeStaleTempFiles() removes only the temp files an interrupted write left", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/events`);
  await Deno.writeTextFile(`${dir.path}/events/.x.json.0a1b2c3d.tmp`, "half");
  await Deno.writeTextFile(`${dir.path}/events/x.json`, "{}");
  await Deno.writeTextFile(`${dir.path}/events/.keep`, "");
  equal(await removeStaleTempFiles(dir.path), 1);
  deepEqual([...Deno.readDirSync(`${dir.path}/events`)].map((e) => e.name).sort(), [
    ".keep",
    "x.json",
  ]);
});
