/**
 * @module
 * Watching folders for changes: the Watcher port with its chokidar and in-memory adapters.
 */
export * from "./watcher.ts";
export * from "./change_batcher.ts";
export * from "./memory_watcher.ts";
export * from "./chokidar_watcher.ts";
export * from "./deno_fs_watcher.ts";
export * from "./hidden_paths.ts";
