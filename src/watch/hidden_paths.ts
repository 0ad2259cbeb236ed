/**
 * @module
 * Which changed paths a watcher leaves out: hidden entries below a watched folder (`.git/`, the temp
 * files of atomic writes, editor swap files). A watched folder itself is never left out, even when
 * its own name starts with a dot.
 */

/** Whether `path` is a hidden entry, or inside one, below one of `roots`. */
export function isHiddenBelow(path: string, roots: readonly string[]): boolean {
  for (const root of roots) {
    if (!path.startsWith(`${root}/`)) continue;
    return path.slice(root.length + 1).split("/").some((segment) => segment.startsWith("."));
  }
  return false;
}
