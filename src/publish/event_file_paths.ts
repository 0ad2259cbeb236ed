/**
 * @module
 * The event files of a data folder as a full render reads them: the `.json` files directly in
 * `events/`, hidden ones (temp files of atomic writes) left out.
 */

/** Whether `path` exists (without following a symlink). */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return false;
    throw cause;
  }
}

/** The `.json` files directly in `dir` (not hidden), sorted; none when it does not exist. */
export async function eventFilePaths(dir: string): Promise<string[]> {
  const paths: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.name.startsWith(".") || !entry.name.endsWith(".json")) continue;
      if (entry.isFile || entry.isSymlink) paths.push(`${dir}/${entry.name}`);
    }
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return [];
    throw cause;
  }
  return paths.sort();
}
