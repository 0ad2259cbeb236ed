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

/** Checks one found file with the checks built for the run; `blocking` reads with blocking calls. */
export function checkFoundFile(
  file: FoundFile,
  settings: FileCheckSettings,
  checks: readonly EventCheck[],
  options: { blocking?: boolean } = {},
): Promise<Issue[]> {
  return checkDataFile(file.path, {
    maxBytes: settings.config.limits.maxEventBytes,
    confineTo: file.root,
    checks,
    now: settings.now,
    blocking: options.blocking ?? false,
  });
}
