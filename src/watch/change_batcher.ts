/**
 * @module
 * Turns single path changes into debounced batches for a {@link Watcher}: the timing every adapter
 * shares. A burst of writes (an editor saving, `git checkout` touching hundreds of files) becomes one
 * batch, and a steady stream of changes still yields a batch at least every `maxWaitMs`.
 */
import type { BatchTiming } from "./watcher.ts";

/** Collects changed paths and hands them out as batches. */
export class ChangeBatcher {
  readonly #debounceMs: number;
  readonly #maxWaitMs: number;
  /** Paths changed since the last flush, not yet visible to the consumer. */
  #pending = new Set<string>();
  /** Flushed paths the consumer has not taken yet. */
  #ready = new Set<string>();
  #timer?: ReturnType<typeof setTimeout>;
  #firstPendingAt = 0;
  #waiter?: (done: boolean) => void;
  #closed = false;

  /** A batcher with the given timing (defaults: 50 ms quiet time, 500 ms longest wait). */
  constructor(timing: BatchTiming = {}) {
    this.#debounceMs = timing.debounceMs ?? 50;
    this.#maxWaitMs = timing.maxWaitMs ?? 500;
  }

  /** Records that `path` changed. Ignored once closed. */
  add(path: string): void {
    if (this.#closed) return;
    const now = Date.now();
    if (this.#pending.size === 0) this.#firstPendingAt = now;
    this.#pending.add(path);
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    const waited = now - this.#firstPendingAt;
    const delay = Math.max(0, Math.min(this.#debounceMs, this.#maxWaitMs - waited));
    this.#timer = setTimeout(() => this.#flush(), delay);
  }

  /** The batches, until {@link close}. */
  async *batches(): AsyncIterableIterator<string[]> {
    while (true) {
      if (this.#ready.size === 0) {
        if (this.#closed) return;
        const done = await new Promise<boolean>((resolve) => (this.#waiter = resolve));
        if (done) return;
        continue;
      }
      const batch = [...this.#ready].sort();
      this.#ready = new Set();
      yield batch;
    }
  }

  /** Stops batching: drops pending changes and ends {@link batches}. */
  close(): void {
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending.clear();
    this.#ready.clear();
    this.#wake(true);
  }

  #flush(): void {
    this.#timer = undefined;
    for (const path of this.#pending) this.#ready.add(path);
    this.#pending.clear();
    this.#wake(false);
  }

  #wake(done: boolean): void {
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.(done);
  }
}
