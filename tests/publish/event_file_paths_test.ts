import { deepEqual, equal } from "node:assert/strict";
import { eventFilePaths, exists } from "../../src/publish/event_file_paths.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("eventFilePaths() lists the .json files of a folder, sorted, without hidden files or subfolders", async () => {
  await using dir = await tempDir();
  for (const name of ["b.json", "a.json", ".a.json.tmp", ".hidden.json", "README.md"]) {
    await Deno.writeTextFile(`${dir.path}/${name}`, "{}");
  }
  await Deno.mkdir(`${dir.path}/old.json`);
  deepEqual(await eventFilePaths(dir.path), [`${dir.path}/a.json`, `${dir.path}/b.json`]);
});

Deno.test("eventFilePaths() has no files for a missing folder; exists() says so", async () => {
  await using dir = await tempDir();
  deepEqual(await eventFilePaths(`${dir.path}/none`), []);
  equal(await exists(`${dir.path}/none`), false);
  equal(await exists(dir.path), true);
});
