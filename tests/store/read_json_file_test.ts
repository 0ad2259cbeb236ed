import { deepEqual, equal } from "node:assert/strict";
import { readJsonFile } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("readJsonFile() gives the same result with blocking and async file calls", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/in`);
  const cases: Record<string, string> = {
    "good.json": '{"Event": {"info": "x"}}',
    "bad.json": "{",
    "big.json": `{"pad": "${"x".repeat(200)}"}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    await Deno.writeTextFile(`${dir.path}/in/${name}`, text);
  }
  await Deno.writeTextFile(`${dir.path}/outside.json`, "{}");
  await Deno.symlink(`${dir.path}/outside.json`, `${dir.path}/in/link.json`);
  const root = await Deno.realPath(`${dir.path}/in`);
  for (const name of [...Object.keys(cases), "link.json", "missing.json"]) {
    const path = `${dir.path}/in/${name}`;
    const options = { maxBytes: 100, confineTo: root };
    const async = await readJsonFile(path, options);
    const blocking = await readJsonFile(path, { ...options, blocking: true });
    deepEqual(blocking, async, name);
  }
  const link = await readJsonFile(`${dir.path}/in/link.json`, {
    maxBytes: 100,
    confineTo: root,
    blocking: true,
  });
  equal(link.issues[0]?.code, "file.symlink");
});
