import { equal, match } from "node:assert/strict";
import { formatEventDocument } from "../../src/model/mod.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";
import { runKura } from "../support/run_cli.ts";

async function writeEvent(dir: string, text: string): Promise<string> {
  await Deno.mkdir(`${dir}/data/events`, { recursive: true });
  const path = `${dir}/data/events/${uuidN(1)}.json`;
  await Deno.writeTextFile(path, text);
  return path;
}

Deno.test("kura fmt rewrites a file into canonical form and a second run changes nothing", async () => {
  await using dir = await tempDir();
  const event = sampleEvent({ uuid: uuidN(1) });
  const messy = JSON.stringify({ Event: { ...event, distribution: 3, timestamp: 1700000000 } });
  const path = await writeEvent(dir.path, messy);
  const first = await runKura(["fmt"], dir.path);
  equal(first.code, 0, first.stderr);
  match(first.stderr, /1 rewritten/);
  equal(await Deno.readTextFile(path), formatEventDocument(event));
  const second = await runKura(["fmt"], dir.path);
  match(second.stderr, /0 rewritten/);
});

Deno.test("kura fmt --check lists files that differ, exits 1 and writes nothing", async () => {
  await using dir = await tempDir();
  const messy = JSON.stringify({ Event: sampleEvent({ uuid: uuidN(1) }) });
  const path = await writeEvent(dir.path, messy);
  const run = await runKura(["fmt", "--check"], dir.path);
  equal(run.code, 1);
  equal(run.stdout, `data/events/${uuidN(1)}.json\n`);
  equal(await Deno.readTextFile(path), messy);
});

Deno.test("kura fmt --check exits 0 on canonical files", async () => {
  await using dir = await tempDir();
  await writeEvent(dir.path, formatEventDocument(sampleEvent({ uuid: uuidN(1) })));
  equal((await runKura(["fmt", "--check"], dir.path)).code, 0);
});

Deno.test("kura fmt leaves a broken file untouched and reports it", async () => {
  await using dir = await tempDir();
  const path = await writeEvent(dir.path, "{broken");
  const run = await runKura(["fmt"], dir.path);
  equal(run.code, 1);
  match(run.stderr, /Not valid JSON/);
  equal(await Deno.readTextFile(path), "{broken");
});
