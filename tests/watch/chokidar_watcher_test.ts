import { deepEqual } from "node:assert/strict";
import { ChokidarWatcher } from "../../src/watch/mod.ts";
import { nextBatch, watcherContract } from "../contract/watcher_contract.ts";
import { tempDir } from "../support/sample_events.ts";

async function openOn(root: string) {
  await Deno.mkdir(`${root}/events`, { recursive: true });
  return new ChokidarWatcher([root], { debounceMs: 150 });
}

async function writeUnder(root: string, relative: string, text: string): Promise<void> {
  const path = `${root}/${relative}`;
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(path, text);
}

watcherContract("ChokidarWatcher", async () => {
  const dir = await tempDir();
  const root = `${await Deno.realPath(dir.path)}/data`;
  await Deno.mkdir(root);
  const watcher = await openOn(root);
  return {
    watcher,
    root,
    write: (relative: string, text: string) => writeUnder(root, relative, text),
    remove: (relative: string) => Deno.remove(`${root}/${relative}`),
    removeRoot: () => Deno.remove(root, { recursive: true }),
    createRoot: () => Deno.mkdir(root),
    [Symbol.asyncDispose]: async () => {
      await watcher.close();
      await dir[Symbol.asyncDispose]();
    },
  };
});

Deno.test("ChokidarWatcher reports an atomic replace (temp file + rename) as a change of its target only", async () => {
  await using dir = await tempDir();
  const root = await Deno.realPath(dir.path);
  await writeUnder(root, "events/a.json", "1");
  const watcher = await openOn(root);
  try {
    await watcher.ready();
    const batches = watcher.batches();
    await Deno.writeTextFile(`${root}/events/.a.json.1234.tmp`, "2");
    await Deno.rename(`${root}/events/.a.json.1234.tmp`, `${root}/events/a.json`);
    deepEqual(await nextBatch(batches), [`${root}/events/a.json`]);
  } finally {
    await watcher.close();
  }
});

Deno.test("ChokidarWatcher reports a folder created after start-up, then changes inside it", async () => {
  await using dir = await tempDir();
  const root = await Deno.realPath(dir.path);
  const watcher = new ChokidarWatcher([`${root}/feeds`], { debounceMs: 150 });
  try {
    await watcher.ready();
    const batches = watcher.batches();
    await Deno.mkdir(`${root}/feeds`);
    deepEqual(await nextBatch(batches), [`${root}/feeds`]);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the new watch settles
    await writeUnder(root, "feeds/public.json", "{}");
    deepEqual(await nextBatch(batches), [`${root}/feeds/public.json`]);
  } finally {
    await watcher.close();
  }
});
