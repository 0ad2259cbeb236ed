import { deepEqual, ok } from "node:assert/strict";
import { DenoFsWatcher } from "../../src/watch/mod.ts";
import { nextBatch, watcherContract } from "../contract/watcher_contract.ts";
import { tempDir } from "../support/sample_events.ts";

async function writeUnder(root: string, relative: string, text: string): Promise<void> {
  const path = `${root}/${relative}`;
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(path, text);
}

watcherContract("DenoFsWatcher", async () => {
  const dir = await tempDir();
  const root = `${await Deno.realPath(dir.path)}/data`;
  await Deno.mkdir(`${root}/events`, { recursive: true });
  const watcher = new DenoFsWatcher([root], { debounceMs: 150, pollMs: 50 });
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

Deno.test("DenoFsWatcher reports an atomic replace (temp file + rename) as a change of its target only", async () => {
  await using dir = await tempDir();
  const root = await Deno.realPath(dir.path);
  await writeUnder(root, "events/a.json", "1");
  const watcher = new DenoFsWatcher([root], { debounceMs: 150 });
  try {
    const batches = watcher.batches();
    await Deno.writeTextFile(`${root}/events/.a.json.1234.tmp`, "2");
    await Deno.rename(`${root}/events/.a.json.1234.tmp`, `${root}/events/a.json`);
    deepEqual(await nextBatch(batches), [`${root}/events/a.json`]);
  } finally {
    await watcher.close();
  }
});

Deno.test("DenoFsWatcher does not report files being read", async () => {
  await using dir = await tempDir();
  const root = await Deno.realPath(dir.path);
  await writeUnder(root, "a.json", "1");
  const watcher = new DenoFsWatcher([root], { debounceMs: 50 });
  try {
    const batches = watcher.batches();
    await Deno.readTextFile(`${root}/a.json`);
    await Deno.stat(`${root}/a.json`);
    await writeUnder(root, "b.json", "1");
    deepEqual(await nextBatch(batches), [`${root}/b.json`]);
  } finally {
    await watcher.close();
  }
});

Deno.test("DenoFsWatcher watches a folder missing at start-up once it appears", async () => {
  await using dir = await tempDir();
  const root = await Deno.realPath(dir.path);
  const watcher = new DenoFsWatcher([`${root}/feeds`], { debounceMs: 50, pollMs: 50 });
  try {
    const batches = watcher.batches();
    await Deno.mkdir(`${root}/feeds`);
    deepEqual(await nextBatch(batches), [`${root}/feeds`]);
    await writeUnder(root, "feeds/public.json", "{}");
    deepEqual(await nextBatch(batches), [`${root}/feeds/public.json`]);
  } finally {
    await watcher.close();
  }
});

Deno.test("DenoFsWatcher reports every file of a burst of thousands in a few batches", async () => {
  await using dir = await tempDir();
  const root = await Deno.realPath(dir.path);
  const watcher = new DenoFsWatcher([root], { debounceMs: 100, maxWaitMs: 1000 });
  try {
    const batches = watcher.batches();
    for (let i = 0; i < 3000; i++) await Deno.writeTextFile(`${root}/${i}.json`, "{}");
    const seen = new Set<string>();
    let count = 0;
    while (seen.size < 3000) {
      for (const path of (await nextBatch(batches, 10_000)) ?? []) seen.add(path);
      count++;
    }
    ok(count < 50, `${count} batches`);
  } finally {
    await watcher.close();
  }
});
