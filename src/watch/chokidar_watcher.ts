/**
 * @module
 * The file-system adapter of Watcher, on chokidar. Hidden entries (`.git/`, the temp files of atomic
 * writes, editor swap files) are not watched: an atomic write shows up as a change of its target.
 * chokidar reads `CHOKIDAR_USEPOLLING` and `CHOKIDAR_INTERVAL` from the environment, so the daemon
 * needs `--allow-env` for those two names.
 */
import { type FSWatcher, watch } from "chokidar";
import { ChangeBatcher } from "./change_batcher.ts";
import type { BatchTiming, Watcher } from "./watcher.ts";

/** Options of {@link ChokidarWatcher}. */
export interface ChokidarWatcherOptions extends BatchTiming {
  /** Poll instead of using OS events (network file systems); default false. */
  usePolling?: boolean;
  /** Told about watch errors after start-up (a folder removed, too many watches); default: ignored. */
  onError?: (error: Error) => void;
}

/** Watches folders (recursively) and files through chokidar. */
export class ChokidarWatcher implements Watcher {
  readonly #batcher: ChangeBatcher;
  readonly #watcher: FSWatcher;
  readonly #ready: Promise<void>;
  #parents?: FSWatcher;

  /**
   * Starts watching `paths` (absolute). A path missing at start-up is watched once it appears: its
   * parent folder is watched (not recursively) until then.
   */
  constructor(paths: readonly string[], options: ChokidarWatcherOptions = {}) {
    this.#batcher = new ChangeBatcher(options);
    const roots = paths.map((path) => path.replace(/\/+$/, "") || "/");
    const present = roots.filter(exists);
    const missing = roots.filter((root) => !present.includes(root));
    const settings = {
      ignoreInitial: true,
      usePolling: options.usePolling ?? false,
      ignored: (path: string) => isHiddenBelow(path, roots),
    };
    this.#watcher = watch(present, settings);
    // chokidar never reports "ready" for an empty list of paths.
    const started = present.length > 0 ? [whenStarted(this.#watcher, options.onError)] : [];
    if (missing.length > 0) {
      const parents = [...new Set(missing.map(parentOf).filter(exists))];
      this.#parents = watch(parents, { ...settings, depth: 0 });
      this.#parents.on("addDir", (path) => {
        if (!missing.includes(path)) return;
        this.#watcher.add(path);
        this.#batcher.add(path);
      });
      if (parents.length > 0) started.push(whenStarted(this.#parents, options.onError));
    }
    this.#ready = Promise.all(started).then(() => {});
    this.#watcher.on("all", (_event, path) => this.#batcher.add(path));
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

/** Whether `path` is a hidden entry below one of `roots` (a root itself is never ignored). */
function isHiddenBelow(path: string, roots: readonly string[]): boolean {
  for (const root of roots) {
    if (!path.startsWith(`${root}/`)) continue;
    return path.slice(root.length + 1).split("/").some((segment) => segment.startsWith("."));
  }
  return false;
}
