/**
 * @module
 * Finding the record files of a data folder and telling their kind from the folder they sit in:
 * `events/`, `orgs/`, `sharing-groups/`, `proposals/`, plus `blocklist.json` outside those folders
 * (any other `.json` is read as an event).
 */
import type { RecordKind } from "../validate/mod.ts";

const KIND_OF_FOLDER: Record<string, RecordKind> = {
  events: "event",
  orgs: "org",
  "sharing-groups": "sharing-group",
  proposals: "proposal",
};

/** The kind of record a file holds, from its parent folder's name. */
export function recordKindOf(path: string): RecordKind {
  const parts = path.split("/");
  const kind = KIND_OF_FOLDER[parts.at(-2) ?? ""];
  if (kind !== undefined) return kind;
  return parts.at(-1) === BLOCKLIST_FILE ? "blocklist" : "event";
}

/** The name of the blocklist file at the root of a data folder. */
export const BLOCKLIST_FILE = "blocklist.json";

/** A file found by {@link walkJsonFiles} and the folder it was found in (its confinement). */
export interface FoundFile {
  readonly path: string;
  /** Real path of the folder given by the caller; undefined for a file given directly. */
  readonly root?: string;
}

/**
 * Expands files and folders into the `.json` files they hold, sorted per folder; hidden entries
 * (`.git`, temp files) are skipped. Throws NotFound for a path that does not exist.
 */
export async function* walkJsonFiles(paths: readonly string[]): AsyncGenerator<FoundFile> {
  for (const path of paths) {
    const info = await Deno.stat(path);
    if (info.isFile) yield { path };
    else if (info.isDirectory) {
      const folder = path.replace(/\/+$/, "");
      const root = await Deno.realPath(folder);
      for await (const file of walkFolder(folder)) yield { path: file, root };
    }
  }
}

async function* walkFolder(dir: string): AsyncGenerator<string> {
  const files: string[] = [];
  const folders: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.name.startsWith(".")) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) folders.push(path);
    else if (entry.name.endsWith(".json") && (entry.isFile || entry.isSymlink)) files.push(path);
  }
  files.sort();
  folders.sort();
  yield* files;
  for (const folder of folders) yield* walkFolder(folder);
}
