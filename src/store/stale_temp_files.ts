/**
 * @module
 * Cleaning up after a writer that died: an atomic write leaves its hidden temp file
 * (`.<name>.<hex>.tmp`) behind when the process is killed before the rename. Such files are never
 * read as events, but they would show in `git status`; this removes them under the write lock, when
 * no live writer can own one.
 */
import { lockPathFor, withWriteLock } from "./write_lock.ts";

/** Removes leftover temp files from `<dataDir>/events/`; returns how many were removed. */
export async function removeStaleTempFiles(dataDir: string): Promise<number> {
  const dir = `${dataDir.replace(/\/+$/, "")}/events`;
  return await withWriteLock(await lockPathFor(dataDir), async () => {
    let removed = 0;
    try {
      for await (const entry of Deno.readDir(dir)) {
        if (entry.isFile && /^\..+\.[0-9a-f]{8}\.tmp$/.test(entry.name)) {
          await Deno.remove(`${dir}/${entry.name}`).catch(() => {});
          removed++;
        }
      }
    } catch (cause) {
      if (!(cause instanceof Deno.errors.NotFound)) throw cause;
    }
    return removed;
  });
}
