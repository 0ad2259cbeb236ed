/**
 * @module
 * The file-system adapter of Watcher, on chokidar. Hidden entries (`.git/`, the temp files of atomic
 * writes, editor swap files) are not watched: an atomic write shows up as a change of its target.
 * chokidar reads `CHOKIDAR_USEPOLLING` and `CHOKIDAR_INTERVAL` from the environment, so the daemon
 * needs `--allow-env` for those two names.
 */
import { type FSWatcher, watch } from "chokidar";
import { ChangeBatcher } from "./change_batcher.ts";
import { isHiddenBelow } from "./hidden_paths.ts";
import type { BatchTiming, Watcher } from "./watcher.ts";

/** Options of {@link ChokidarWatcher}. */
export interface ChokidarWatcherOptions extends BatchTiming {
  /** Poll instead of using OS events (network file systems); default false. */
  usePolling?: boolean;
  /** Told about watch errors after start-up (a folder removed, too many watches); default: ignored. */
  onError?: (error: Error) => void;
}

/**
 * Watches folders (recursively) and files through chokidar. chokidar 4 opens one `fs.watch` per
 * file, which Deno's node:fs serves with one OS watch each: fine for a few thousand files, but a
 * burst of thousands of new files (a large `git pull`) can keep it busy for minutes. The daemon uses
 * {@link DenoFsWatcher} by default for that reason.
 */
export class ChokidarWatcher implements Watcher {
  readonly #batcher: ChangeBatcher;
  readonly #watcher: FSWatcher;
  readonly #ready: Promise<void>;
  readonly #options: ChokidarWatcherOptions;
  readonly #settings;
  /** Roots that do not exist now: their parent folders are watched until they appear. */
  readonly #missing = new Set<string>();
  #parents?: FSWatcher;

  /**
   * Starts watching `paths` (absolute). A path missing at start-up, or removed later, is watched
   * again once it appears (its parent folder is watched, not recursively, meanwhile).
   */
  constructor(paths: readonly string[], options: ChokidarWatcherOptions = {}) {
    this.#batcher = new ChangeBatcher(options);
    this.#options = options;
    const roots = paths.map((path) => path.replace(/\/+$/, "") || "/");
    const present = roots.filter(exists);
    this.#settings = {
      ignoreInitial: true,
      usePolling: options.usePolling ?? false,
      ignored: (path: string) => isHiddenBelow(path, roots),
    };
    this.#watcher = watch(present, this.#settings);
    // chokidar never reports "ready" for an empty list of paths.
    const started = present.length > 0 ? [whenStarted(this.#watcher, options.onError)] : [];
    this.#watcher.on("all", (event, path) => {
      this.#batcher.add(path);
      if (event === "unlinkDir" && roots.includes(path)) this.#awaitRoot(path);
    });
    const missing = roots.filter((root) => !present.includes(root));
    const parents = [...new Set(missing.map(parentOf).filter(exists))];
    for (const root of missing) this.#awaitRoot(root);
    if (this.#parents && parents.length > 0) {
      started.push(whenStarted(this.#parents, options.onError));
    }
    this.#ready = Promise.all(started).then(() => {});
  }

  ready(): Promise<void> {
    return this.#ready;
  }

  batches(): AsyncIterableIterator<string[]> {
    return this.#batcher.batches();
  }

  async close(): Promise<void> {
    this.#batcher.close();
    await Promise.all([this.#watcher.close(), this.#parents?.close()]);
  }

  /** Watches the parent of `root` until `root` appears, then watches `root` again. */
  #awaitRoot(root: string): void {
    this.#missing.add(root);
    const parent = parentOf(root);
    if (this.#parents) {
      this.#parents.add(parent);
      return;
    }
    this.#parents = watch(exists(parent) ? [parent] : [], { ...this.#settings, depth: 0 });
    this.#parents.on("error", (cause) => this.#options.onError?.(cause as Error));
    this.#parents.on("addDir", (path) => {
      if (!this.#missing.delete(path)) return;
      this.#watcher.add(path);
      this.#batcher.add(path);
    });
  }
}

/** Resolves when `watcher` is ready; errors before that reject, later ones go to `onError`. */
function whenStarted(watcher: FSWatcher, onError?: (error: Error) => void): Promise<void> {
  let ready = false;
  return new Promise((resolve, reject) => {
    watcher.once("ready", () => {
      ready = true;
      resolve();
    });
    // An error after start-up must not crash the daemon (an emitter error without a listener
    // throws): it is passed on, and watching goes on for the other paths.
    watcher.on("error", (cause) => {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      if (ready) onError?.(error);
      else reject(error);
    });
  });
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}
