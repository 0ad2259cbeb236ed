/**
 * @module
 * Paths as printed to users: relative to the working folder when inside it.
 */

/** `path` relative to `cwd` when it lies inside it, else unchanged. */
export function displayPath(path: string, cwd: string): string {
  const base = cwd.endsWith("/") ? cwd : `${cwd}/`;
  return path.startsWith(base) ? path.slice(base.length) : path;
}
