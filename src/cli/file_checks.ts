/**
 * @module
 * What `kura validate` needs to check one file, in a form that can cross to a worker thread: the
 * file, the folder it was found in, and the settings every worker rebuilds its checks from.
 */
import type { Config } from "../config/mod.ts";
import type { Issue } from "../model/mod.ts";
import { checkDataFile, type FoundFile } from "../store/mod.ts";
import type { EventCheck } from "../validate/mod.ts";

/** Settings shared by every file of a run (structured-cloneable). */
export interface FileCheckSettings {
  readonly config: Config;
  readonly strictTags: boolean;
  /** Current time in epoch seconds. */
  readonly now: number;
}

/** How to check files: the run's settings, the checks built from them, and how to read. */
export interface FileCheckContext {
  readonly settings: FileCheckSettings;
  readonly checks: readonly EventCheck[];
  /** Read with blocking calls (worker threads); default false. */
  readonly blocking?: boolean;
}

/** Checks one found file. */
export function checkFoundFile(file: FoundFile, context: FileCheckContext): Promise<Issue[]> {
  const { settings } = context;
  return checkDataFile(file.path, {
    maxBytes: settings.config.limits.maxEventBytes,
    confineTo: file.root,
    checks: context.checks,
    now: settings.now,
    blocking: context.blocking ?? false,
  });
}
