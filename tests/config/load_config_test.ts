import { equal, rejects } from "node:assert/strict";
import { loadConfig } from "../../src/config/mod.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("loadConfig() reads kura.json from the working folder when present", async () => {
  await using dir = await tempDir();
  await Deno.writeTextFile(
    `${dir.path}/kura.json`,
    JSON.stringify({ data: "intel", server: { port: 9000 } }),
  );
  const config = await loadConfig({ cwd: dir.path });
  equal(config.data, `${dir.path}/intel`);
  equal(config.server.port, 9000);
  equal(config.file, `${dir.path}/kura.json`);
});

Deno.test("loadConfig() falls back to defaults without a config file", async () => {
  await using dir = await tempDir();
  equal((await loadConfig({ cwd: dir.path })).data, `${dir.path}/data`);
});

Deno.test("loadConfig() fails clearly for an explicit file that is missing or not JSON", async () => {
  await using dir = await tempDir();
  await rejects(
    () => loadConfig({ cwd: dir.path, config: "nope.json" }),
    /Cannot read config file .*nope.json/,
  );
  await Deno.writeTextFile(`${dir.path}/kura.json`, "{ data: 1");
  await rejects(() => loadConfig({ cwd: dir.path }), /is not valid JSON/);
});
