// A pull killed with SIGKILL in the middle never leaves a half-written event (DESIGN rule 10), and
// the next pass completes.
import { equal, ok } from "node:assert/strict";
import { FsEventStore } from "../../src/store/mod.ts";
import { validateEvent } from "../../src/validate/mod.ts";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { generatedEvent } from "../support/generate_events.ts";
import { tempDir } from "../support/sample_events.ts";
import { git, syncWorkspace } from "../support/sync_workspace.ts";

const MAIN = new URL("../../src/main.ts", import.meta.url).pathname;
const COUNT = 1500;

function kura(cwd: string, ...args: string[]): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", MAIN, ...args],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  try {
    for await (const entry of Deno.readDir(dir)) if (entry.name.endsWith(".json")) n++;
  } catch { /* not there yet */ }
  return n;
}

Deno.test("kura pull killed with SIGKILL mid-pass leaves only valid events, and the next pass completes", async () => {
  await using dir = await tempDir();
  const events = Array.from({ length: COUNT }, (_, i) => generatedEvent(i + 1, 40));
  await using server = startFeedServer(feedFiles(events));
  await syncWorkspace(dir.path, server.url, { peer: { concurrency: 4 } });
  const child = kura(dir.path, "pull");
  const deadline = Date.now() + 60_000;
  while ((await countFiles(`${dir.path}/data/events`)) < 50 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  const status = await child.status;
  equal(status.signal, "SIGKILL", "the pull was still running when killed");
  const written = await countFiles(`${dir.path}/data/events`);
  ok(written >= 50 && written < COUNT, `killed mid-pass (${written} of ${COUNT} written)`);

  for await (const stored of new FsEventStore(`${dir.path}/data`).scan()) {
    ok(stored.event, `${stored.uuid} parses: ${JSON.stringify(stored.issues)}`);
    equal(validateEvent(stored.event!).filter((i) => i.severity === "error").length, 0);
  }
  const leftovers = [...Deno.readDirSync(`${dir.path}/data/events`)].filter((e) =>
    e.name.startsWith(".")
  );
  // At most the writes in flight (the store writes 16 side by side) leave hidden temp files.
  ok(leftovers.length <= 16, `${leftovers.length} leftover temp files`);
  ok(leftovers.every((entry) => /^\..+\.tmp$/.test(entry.name)));

  const again = kura(dir.path, "pull", "--quiet");
  const output = await again.output();
  const text = new TextDecoder().decode(output.stdout);
  equal(output.code, 0, text + new TextDecoder().decode(output.stderr));
  equal(await countFiles(`${dir.path}/data/events`), COUNT);
  ok(/peer-a: ok/.test(text), text);
  // Files the killed pass wrote were journalled and are committed by the next pass.
  equal((await git(`${dir.path}/data`, "status", "--porcelain")).trim(), "");
});
