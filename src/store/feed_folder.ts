/**
 * @module
 * Writing a feed as static files for nginx, a CDN or an object store: every file plus a `.gz`
 * sibling (for `gzip_static`), built in a fresh folder and swapped in with one atomic rename of a
 * symbolic link, so readers see the old feed or the new one, never a mix. Layout, for
 * `export/public`:
 *
 *   export/public                 → symlink to .public.builds/<build>
 *   export/.public.builds/<build> the files of one export
 *   export/.public.lock           serialises exports to the same folder
 *
 * Files whose bytes did not change are hard-linked from the previous build, keeping their
 * modification time, so ETags and `rsync`/`s3 sync` see only real changes. The previous build is kept
 * for requests still reading it; older ones are removed.
 */
import { gzipSync } from "node:zlib";
import { ConflictError, InvalidDataError } from "../errors.ts";
import { syncDirectory } from "./atomic_write.ts";
import { withWriteLock } from "./write_lock.ts";

/** Options of {@link writeFeedFolder}. */
export interface FeedFolderOptions {
  /** Write a `.gz` sibling of every file (default true). */
  gzip?: boolean;
  /** Build id (default: the current time and a random suffix), for tests. */
  buildId?: string;
}

/** What {@link writeFeedFolder} did. */
export interface FeedFolderResult {
  /** Files in the feed (not counting `.gz` siblings). */
  readonly files: number;
  /** Files unchanged since the previous export, linked rather than written. */
  readonly unchanged: number;
  /** The build folder now served. */
  readonly build: string;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const encoder = new TextEncoder();
const PARALLEL = 8;

/**
 * Writes `files` (name → text) as the new content of `folder`, swapping it in atomically. Refuses
 * a `folder` that is a non-empty plain folder or a file (it was not made by this function) and
 * unsafe file names. On failure the previous feed stays in place and the partial build is removed.
 */
export async function writeFeedFolder(
  folder: string,
  files: AsyncIterable<[string, string]> | Iterable<[string, string]>,
  options: FeedFolderOptions = {},
): Promise<FeedFolderResult> {
  const target = folder.replace(/\/+$/, "");
  const slash = target.lastIndexOf("/");
  const parent = slash <= 0 ? (slash === 0 ? "/" : ".") : target.slice(0, slash);
  const base = target.slice(slash + 1);
  if (base === "" || base === "." || base === "..") {
    throw new InvalidDataError(`Cannot export into "${folder}": name a folder`);
  }
  await Deno.mkdir(parent, { recursive: true });
  return await withWriteLock(`${parent}/.${base}.lock`, async () => {
    const previous = await currentBuild(target, parent, base);
    const buildsName = `.${base}.builds`;
    const builds = `${parent}/${buildsName}`;
    await Deno.mkdir(builds, { recursive: true });
    const id = options.buildId ?? newBuildId();
    const partial = `${builds}/${id}.partial`;
    await Deno.mkdir(partial);
    let count = 0;
    let unchanged = 0;
    const pending = new Set<Promise<void>>();
    try {
      for await (const [name, text] of files) {
        if (!SAFE_NAME.test(name) || name.endsWith(".gz")) {
          throw new InvalidDataError(`Cannot export a file named "${name}"`);
        }
        count++;
        const job = writeOne(partial, previous, name, text, options.gzip ?? true).then((reused) => {
          if (reused) unchanged++;
        });
        pending.add(job);
        job.finally(() => pending.delete(job)).catch(() => {});
        if (pending.size >= PARALLEL) await Promise.race(pending);
      }
      await Promise.all(pending);
      await syncDirectory(partial);
      await Deno.rename(partial, `${builds}/${id}`);
      await syncDirectory(builds);
      const link = `${parent}/.${base}.link-${id}`;
      await Deno.symlink(`${buildsName}/${id}`, link);
      await Deno.rename(link, target);
      await syncDirectory(parent);
    } catch (cause) {
      await Promise.allSettled(pending);
      await Deno.remove(partial, { recursive: true }).catch(() => {});
      throw cause;
    }
    await removeOldBuilds(builds, id, previous);
    return { files: count, unchanged, build: `${builds}/${id}` };
  });
}

/** The build folder `target` points to now, if it is a link into our builds folder. */
async function currentBuild(
  target: string,
  parent: string,
  base: string,
): Promise<string | undefined> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.lstat(target);
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return undefined;
    throw cause;
  }
  if (info.isSymlink) {
    const link = await Deno.readLink(target);
    const prefix = `.${base}.builds/`;
    return link.startsWith(prefix) && !link.slice(prefix.length).includes("/")
      ? `${parent}/${link}`
      : undefined;
  }
  if (info.isDirectory) {
    for await (const _ of Deno.readDir(target)) {
      throw new ConflictError(
        `Cannot export into ${target}: it is a folder kura did not create (kura keeps a link to a build folder there); remove it or choose another folder`,
      );
    }
    await Deno.remove(target);
    return undefined;
  }
  throw new ConflictError(`Cannot export into ${target}: it is a file`);
}

/** Writes one file (and its `.gz`), or links it from the previous build when unchanged. */
async function writeOne(
  dir: string,
  previous: string | undefined,
  name: string,
  text: string,
  gzip: boolean,
): Promise<boolean> {
  const bytes = encoder.encode(text);
  const path = `${dir}/${name}`;
  if (previous !== undefined && await sameBytes(`${previous}/${name}`, bytes)) {
    await Deno.link(`${previous}/${name}`, path);
    if (gzip) {
      try {
        await Deno.link(`${previous}/${name}.gz`, `${path}.gz`);
      } catch {
        await writeSynced(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    }
    return true;
  }
  await writeSynced(path, bytes);
  if (gzip) await writeSynced(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  return false;
}

async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const info = await Deno.lstat(path);
    if (!info.isFile || info.size !== bytes.length) return false;
    const current = await Deno.readFile(path);
    for (let i = 0; i < bytes.length; i++) if (current[i] !== bytes[i]) return false;
    return true;
  } catch {
    return false;
  }
}

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const file = await Deno.open(path, { write: true, createNew: true, mode: 0o644 });
  try {
    let written = 0;
    while (written < bytes.length) written += await file.write(bytes.subarray(written));
    await file.sync();
  } finally {
    file.close();
  }
}

/** Removes every build but the current and the previous one (and leftovers of failed exports). */
async function removeOldBuilds(
  builds: string,
  current: string,
  previous: string | undefined,
): Promise<void> {
  const keep = new Set([current, previous?.slice(previous.lastIndexOf("/") + 1)]);
  for await (const entry of Deno.readDir(builds)) {
    if (keep.has(entry.name)) continue;
    await Deno.remove(`${builds}/${entry.name}`, { recursive: true }).catch(() => {});
  }
}

function newBuildId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const random = [...crypto.getRandomValues(new Uint8Array(3))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${stamp}-${random}`;
}
