/**
 * @module
 * Reading and changing `data/blocklist.json` (model/blocklist.ts). Reading fails closed: a file that
 * cannot be read or is invalid throws, so a pull pass stops rather than let blocked events back in.
 * Changes are read-modify-write under the data folder's write lock and written atomically in
 * canonical form.
 */
import {
  type Blocklist,
  blocklistDocument,
  blocklistOf,
  EMPTY_BLOCKLIST,
  formatBlocklistDocument,
  type Issue,
} from "../model/mod.ts";
import { InvalidDataError } from "../errors.ts";
import { validateBlocklistDocument } from "../validate/mod.ts";
import { writeFileAtomic } from "./atomic_write.ts";
import { BLOCKLIST_FILE } from "./data_files.ts";
import { readJsonFile } from "./read_json_file.ts";
import { lockPathFor, withWriteLock } from "./write_lock.ts";

const MAX_BYTES = 64 * 1024 * 1024;

/** The path of the blocklist of data folder `dataDir`. */
export function blocklistPath(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}/${BLOCKLIST_FILE}`;
}

/**
 * The blocklist of `dataDir` (empty when there is no `blocklist.json`). Throws InvalidDataError,
 * naming the file and the first error, when it cannot be used.
 */
export async function readBlocklist(dataDir: string): Promise<Blocklist> {
  const path = blocklistPath(dataDir);
  try {
    await Deno.lstat(path);
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return EMPTY_BLOCKLIST;
    throw cause;
  }
  const json = await readJsonFile(path, { maxBytes: MAX_BYTES });
  const issues: Issue[] = json.value === undefined
    ? json.issues
    : validateBlocklistDocument(json.value);
  const first = issues.find((issue) => issue.severity === "error");
  if (first !== undefined || json.value === undefined) {
    const at = first?.path ? `${first.path}: ` : "";
    throw new InvalidDataError(
      `${path} cannot be used (${at}${
        first?.message ?? "unreadable"
      }); nothing is pulled until it is fixed`,
    );
  }
  return blocklistOf(json.value as Parameters<typeof blocklistOf>[0]);
}

/**
 * Changes the blocklist of `dataDir` with `change` under the data folder's write lock; the file is
 * removed when the result blocks nothing. Returns the new blocklist.
 */
export async function updateBlocklist(
  dataDir: string,
  change: (current: Blocklist) => Blocklist,
): Promise<Blocklist> {
  return await withWriteLock(await lockPathFor(dataDir), async () => {
    const next = change(await readBlocklist(dataDir));
    const path = blocklistPath(dataDir);
    if (next.events.size === 0 && next.orgs.size === 0) {
      await Deno.remove(path).catch((cause) => {
        if (!(cause instanceof Deno.errors.NotFound)) throw cause;
      });
    } else {
      await writeFileAtomic(path, formatBlocklistDocument(blocklistDocument(next)));
    }
    return next;
  });
}
