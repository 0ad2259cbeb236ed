import { deepEqual } from "node:assert/strict";
import { MemoryWatcher } from "../../src/watch/mod.ts";
import { nextBatch, watcherContract } from "../contract/watcher_contract.ts";

watcherContract("MemoryWatcher", () => {
  const watcher = new MemoryWatcher({ debounceMs: 150 });
  const root = "/memory";
  return Promise.resolve({
    watcher,
    root,
    write: (relative: string) => Promise.resolve(watcher.emit(`${root}/${relative}`)),
    remove: (relative: string) => Promise.resolve(watcher.emit(`${root}/${relative}`)),
    removeRoot: () => Promise.resolve(watcher.emit(root)),
    createRoot: () => Promise.resolve(watcher.emit(root)),
    [Symbol.asyncDispose]: () => watcher.close(),
  });
});

Deno.test("MemoryWatcher.emit() still delivers a batch after maxWaitMs when changes never stop", async () => {
  const watcher = new MemoryWatcher({ debounceMs: 100, maxWaitMs: 250 });
  const batches = watcher.batches();
  const started = Date.now();
  let n = 0;
  const timer = setInterval(() => watcher.emit(`/m/${n++ % 3}.json`), 20);
  try {
    const batch = await nextBatch(batches, 2000);
    deepEqual(batch, ["/m/0.json", "/m/1.json", "/m/2.json"]);
    const waited = Date.now() - started;
    if (waited > 1000) throw new Error(`batch came after ${waited} ms`);
  } finally {
    clearInterval(timer);
    await watcher.close();
  }
});
