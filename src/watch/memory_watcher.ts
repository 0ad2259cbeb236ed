/**
 * @module
 * The in-memory adapter of Watcher, for tests: changes are announced by calling {@link emit}.
 */
import { ChangeBatcher } from "./change_batcher.ts";
import type { BatchTiming, Watcher } from "./watcher.ts";

/** A Watcher fed by hand. */
export class MemoryWatcher implements Watcher {
  readonly #batcher: ChangeBatcher;

  /** A watcher with the given batch timing. */
  constructor(timing: BatchTiming = {}) {
    this.#batcher = new ChangeBatcher(timing);
  }

  /** Announces that `paths` changed. */
  emit(...paths: string[]): void {
    for (const path of paths) this.#batcher.add(path);
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  batches(): AsyncIterableIterator<string[]> {
    return this.#batcher.batches();
  }

  close(): Promise<void> {
    this.#batcher.close();
    return Promise.resolve();
  }
}
