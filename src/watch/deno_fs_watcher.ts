/**
 * @module
 * The file-system adapter of Watcher on `Deno.watchFs`: one recursive OS watch (inotify, FSEvents,
 * ReadDirectoryChangesW) per folder, however many files it holds, so a `git pull` writing thousands
 * of events arrives as a few batches. A watched folder that is removed (or missing at start-up) is
 * looked for every `pollMs` and watched again once it is back; its path is reported then, so the
 * consumer reads it all again. Hidden entries (`.git/`, temp files of atomic writes) are not
 * reported: an atomic write shows up as a change of its target. Reads are never reported.
 */
import { ChangeBatcher } from "./change_batcher.ts";
import { isHiddenBelow } from "./hidden_paths.ts";
import type { BatchTiming, Watcher } from "./watcher.ts";

/** Options of {@link DenoFsWatcher}. */
export interface DenoFsWatcherOptions extends BatchTiming {
  /** How often a missing folder is looked for, in ms (default 500). */
  pollMs?: number;
  /** Told about watch errors (a folder that cannot be watched); default: ignored. */
  onError?: (error: Error) => void;
}

/** Watches folders recursively with the operating system's file events. */
export class DenoFsWatcher implements Watcher {
  readonly #batcher: ChangeBatcher;
  readonly #roots: readonly string[];
  readonly #options: DenoFsWatcherOptions;
  readonly #watches = new Map<string, Deno.FsWatcher>();
  readonly #polls = new Map<string, ReturnType<typeof setInterval>>();
  readonly #loops: Promise<void>[] = [];
  #closed = false;

  /** Starts watching `paths` (absolute folders). */
  constructor(paths: readonly string[], options: DenoFsWatcherOptions = {}) {
    this.#batcher = new ChangeBatcher(options);
    this.#options = options;
    this.#roots = paths.map((path) => path.replace(/\/+$/, "") || "/");
    for (const root of this.#roots) {
      if (!this.#watch(root)) this.#poll(root);
    }
  }

  ready(): Promise<void> {
    return Promise.resolve(); // Deno.watchFs is watching when it returns
  }

  batches(): AsyncIterableIterator<string[]> {
    return this.#batcher.batches();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#batcher.close();
    for (const timer of this.#polls.values()) clearInterval(timer);
    this.#polls.clear();
    for (const watch of this.#watches.values()) watch.close();
    this.#watches.clear();
    await Promise.all(this.#loops);
  }

  /** Watches `root`; false when it does not exist (or cannot be watched). */
  #watch(root: string): boolean {
    let watch: Deno.FsWatcher;
    try {
      if (!Deno.statSync(root).isDirectory) return false;
      watch = Deno.watchFs(root, { recursive: true });
    } catch (cause) {
      if (!(cause instanceof Deno.errors.NotFound)) this.#report(cause);
      return false;
    }
    this.#watches.set(root, watch);
    this.#loops.push(this.#listen(root, watch));
    return true;
  }

  async #listen(root: string, watch: Deno.FsWatcher): Promise<void> {
    try {
      events: for await (const event of watch) {
        if (event.flag === "rescan") this.#batcher.add(root); // the OS dropped events
        if (event.kind === "access") continue; // a write also gives "modify"
        for (const path of event.paths) {
          if (path === root && event.kind === "remove") break events;
          if (!isHiddenBelow(path, this.#roots)) this.#batcher.add(path);
        }
      }
    } catch (cause) {
      if (!this.#closed) this.#report(cause);
    }
    if (this.#closed) return;
    // The folder is gone (or its watch ended): report it, and watch it again once it is back.
    try {
      watch.close();
    } catch {
      // already closed
    }
    this.#watches.delete(root);
    this.#batcher.add(root);
    this.#poll(root);
  }

  /** Looks for `root` every pollMs until it exists, then watches it and reports it. */
  #poll(root: string): void {
    if (this.#closed || this.#polls.has(root)) return;
    const timer = setInterval(() => {
      if (this.#closed || !this.#watch(root)) return;
      clearInterval(timer);
      this.#polls.delete(root);
      this.#batcher.add(root);
    }, this.#options.pollMs ?? 500);
    this.#polls.set(root, timer);
  }

  #report(cause: unknown): void {
    this.#options.onError?.(cause instanceof Error ? cause : new Error(String(cause)));
  }
}
