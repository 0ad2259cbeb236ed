/**
 * @module
 * Small JSON files of the state folder (jobs, peer status, quarantine receipts): read leniently,
 * written atomically, kept readable only by the owner where they may hold details of peers.
 */
import { writeFileAtomic } from "./atomic_write.ts";

/** Reads a JSON state file; undefined when it does not exist. Throws for unreadable or invalid files. */
export async function readStateJson<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return undefined;
    throw cause;
  }
  return JSON.parse(text) as T;
}

/** Writes `value` as indented JSON to `path` atomically, creating the folder. */
export async function writeStateJson(path: string, value: unknown): Promise<void> {
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** A sortable, file-name-safe time stamp: `20260101T120000123Z`. */
export function compactTime(time: Date): string {
  return time.toISOString().replace(/[-:.]/g, "");
}

/** Names of the files in `dir` ending in `suffix`, sorted; none when the folder does not exist. */
export async function filesIn(dir: string, suffix: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(suffix) && !entry.name.startsWith(".")) {
        names.push(entry.name);
      }
    }
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return [];
    throw cause;
  }
  return names.sort();
}
