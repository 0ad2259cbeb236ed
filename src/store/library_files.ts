/**
 * @module
 * Finding a MISP library checkout's files on disk: which kind a folder is, and the files of that kind
 * it holds (relative paths, sorted), following the layout in `catalog/`.
 */
import { libraryFileRole, type LibraryKind, libraryKindOf } from "../catalog/mod.ts";

/** The kind of checkout at `root`; undefined when it is not one. Throws when `root` cannot be read. */
export async function detectLibraryKind(root: string): Promise<LibraryKind | undefined> {
  const top: string[] = [];
  let hasMachineTags = false;
  for await (const entry of Deno.readDir(root)) {
    if (entry.name.startsWith(".")) continue;
    top.push(entry.isDirectory ? `${entry.name}/` : entry.name);
    if (entry.isDirectory && !hasMachineTags) {
      hasMachineTags = await Deno.stat(`${root}/${entry.name}/machinetag.json`).then(
        (info) => info.isFile,
        () => false,
      );
    }
  }
  return libraryKindOf(top, hasMachineTags);
}

/** Every file of a `kind` checkout under `root`, as sorted paths relative to `root`. */
export async function listLibraryFiles(root: string, kind: LibraryKind): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string, depth: number): Promise<void> {
    const dir = relative === "" ? root : `${root}/${relative}`;
    const entries: Deno.DirEntry[] = [];
    for await (const entry of Deno.readDir(dir)) entries.push(entry);
    await Promise.all(entries.map(async (entry) => {
      if (entry.name.startsWith(".")) return;
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory) {
        if (depth < 2) await walk(path, depth + 1);
      } else if (libraryFileRole(kind, path)) found.push(path);
    }));
  }
  await walk("", 0);
  return found.sort(codePointCompare);
}

/** Top-level folders of a checkout (for the taxonomy folder count against MANIFEST.json). */
export async function listTopFolders(root: string): Promise<string[]> {
  const folders: string[] = [];
  for await (const entry of Deno.readDir(root)) {
    if (entry.isDirectory && !entry.name.startsWith(".")) folders.push(entry.name);
  }
  return folders.sort(codePointCompare);
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
