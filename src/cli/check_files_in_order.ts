/**
 * @module
 * Checks files on the current thread, in order, reading a few files ahead so that reading the next
 * files overlaps validating the current one. At most {@link READ_AHEAD} files are held at once.
 */
import type { Issue } from "../model/mod.ts";
import type { FoundFile } from "../store/mod.ts";
import { eventChecksFor } from "./event_checks.ts";
import { checkFoundFile, type FileCheckSettings } from "./file_checks.ts";

/** Files being read or checked at once. */
export const READ_AHEAD = 4;

/** Yields the issues of each file, in the order of `files`. */
export async function* checkFilesInOrder(
  files: readonly FoundFile[],
  settings: FileCheckSettings,
): AsyncGenerator<Issue[]> {
  const checks = await eventChecksFor(settings.config, { strictTags: settings.strictTags });
  const context = { settings, checks };
  const pending: Promise<Issue[]>[] = [];
  let next = 0;
  while (next < files.length && pending.length < READ_AHEAD) {
    pending.push(checkFoundFile(files[next++]!, context));
  }
  while (pending.length > 0) {
    const issues = await pending.shift()!;
    if (next < files.length) pending.push(checkFoundFile(files[next++]!, context));
    yield issues;
  }
}
