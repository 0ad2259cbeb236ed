/**
 * @module
 * The Watcher contract: every adapter (chokidar, memory) must pass these tests.
 */
import { deepEqual, equal, ok } from "node:assert/strict";
import type { Watcher } from "../../src/watch/mod.ts";

/** A started watcher on a folder, with the means to change files in it. */
export interface WatcherHarness extends AsyncDisposable {
  readonly watcher: Watcher;
  /** The absolute folder being watched. */
  readonly root: string;
  /** Creates or replaces `relative` (below root). */
  write(relative: string, text: string): Promise<void>;
  /** Removes `relative`. */
  remove(relative: string): Promise<void>;
  /** Removes the watched folder with everything in it. */
  removeRoot(): Promise<void>;
  /** Creates the watched folder again (empty). */
  createRoot(): Promise<void>;
}

/** Opens a harness whose watcher uses a 150 ms quiet time. */
export type WatcherFactory = () => Promise<WatcherHarness>;

/** The next batch, or a failure after `ms`. */
export async function nextBatch(
  batches: AsyncIterator<string[]>,
  ms = 5000,
): Promise<string[] | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no batch within ${ms} ms`)), ms);
  });
  try {
    const result = await Promise.race([batches.next(), timeout]);
    return result.done ? undefined : result.value;
  } finally {
    clearTimeout(timer);
  }
}

/** Registers the contract tests for one adapter. */
export function watcherContract(adapter: string, open: WatcherFactory): void {
  const test = (name: string, fn: (harness: WatcherHarness) => Promise<void>) =>
    Deno.test(`${adapter}: ${name}`, async () => {
      await using harness = await open();
      await harness.watcher.ready();
      await fn(harness);
    });

  test("batches() delivers the absolute path of a file written after ready()", async (h) => {
    const batches = h.watcher.batches();
    await h.write("events/a.json", "{}");
    deepEqual(await nextBatch(batches), [`${h.root}/events/a.json`]);
  });

  test("batches() merges changes within the quiet time into one sorted batch, each path once", async (h) => {
    const batches = h.watcher.batches();
    await h.write("b.json", "1");
    await h.write("a.json", "1");
    await h.write("b.json", "2");
    deepEqual(await nextBatch(batches), [`${h.root}/a.json`, `${h.root}/b.json`]);
  });

  test("batches() reports a removed file", async (h) => {
    await h.write("gone.json", "{}");
    const batches = h.watcher.batches();
    deepEqual(await nextBatch(batches), [`${h.root}/gone.json`]);
    await h.remove("gone.json");
    deepEqual(await nextBatch(batches), [`${h.root}/gone.json`]);
  });

  test("batches() merges changes made while the consumer is busy into the next batch", async (h) => {
    const batches = h.watcher.batches();
    await h.write("first.json", "1");
    deepEqual(await nextBatch(batches), [`${h.root}/first.json`]);
    // The consumer is "busy": it does not ask for the next batch while two more quiet times pass.
    await h.write("second.json", "1");
    await new Promise((resolve) => setTimeout(resolve, 400));
    await h.write("third.json", "1");
    await new Promise((resolve) => setTimeout(resolve, 400));
    deepEqual(await nextBatch(batches), [`${h.root}/second.json`, `${h.root}/third.json`]);
  });

  test("batches() reports a watched folder removed and created again, then watches it again", async (h) => {
    const batches = h.watcher.batches();
    await h.write("a.json", "1");
    deepEqual(await nextBatch(batches), [`${h.root}/a.json`]);
    await h.removeRoot();
    ok((await nextBatch(batches))?.includes(h.root));
    await h.createRoot();
    ok((await nextBatch(batches))?.includes(h.root));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the new watch settles
    await h.write("b.json", "1");
    deepEqual(await nextBatch(batches), [`${h.root}/b.json`]);
  });

  test("close() ends batches()", async (h) => {
    const batches = h.watcher.batches();
    const pending = batches.next();
    await h.watcher.close();
    const result = await pending;
    equal(result.done, true);
    ok((await batches.next()).done);
  });
}
