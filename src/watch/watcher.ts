/**
 * @module
 * The Watcher port: debounced batches of changed paths under some folders. Real adapter: chokidar
 * (file system events); in-memory adapter for tests. Both pass `tests/contract/watcher_contract.ts`.
 * A batch says only *which* paths changed (created, modified, removed or renamed); the consumer reads
 * them again, so no kind of change can be misreported.
 */

/** A source of debounced batches of changed absolute paths. */
export interface Watcher {
  /** Resolves once changes are being observed (the initial scan of the folders is done). */
  ready(): Promise<void>;
  /**
   * The batches: each one sorted and without duplicates. Changes made while the consumer is busy with
   * a batch are merged into the next one. Ends when the watcher is closed. One consumer only.
   */
  batches(): AsyncIterableIterator<string[]>;
  /** Stops watching and ends {@link batches}; pending changes are dropped. */
  close(): Promise<void>;
}

/** Timing of batches, shared by every adapter. */
export interface BatchTiming {
  /** Quiet time after the last change before a batch is delivered, in ms (default 50). */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming, in ms (default 500). */
  maxWaitMs?: number;
}
