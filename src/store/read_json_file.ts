/**
 * @module
 * Safe reading of one JSON data file: refuses symlinks leading out of the data folder, files over the
 * size limit, byte-order marks, invalid UTF-8 and invalid JSON, each with an issue that names the
 * problem. Never throws for bad files.
 */
import { error, type Issue } from "../model/mod.ts";

/** Options of {@link readJsonFile}. */
export interface ReadJsonOptions {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** When set, the file (after following symlinks) must lie inside this folder (absolute, real path). */
  confineTo?: string;
  /**
   * Use blocking file calls (default false): for worker threads that only read and check files, where
   * an async hop per call costs more CPU than the read itself.
   */
  blocking?: boolean;
}

/** The outcome of reading one JSON file. */
export interface JsonFileResult {
  readonly path: string;
  /** The parsed JSON when the file could be read and parsed. */
  readonly value?: unknown;
  /** The file's size in bytes, when known. */
  readonly bytes?: number;
  readonly issues: Issue[];
}

const BOM = [0xef, 0xbb, 0xbf];

/** The four file calls reading needs, async or blocking. */
interface FileCalls {
  lstat(path: string): Promise<Deno.FileInfo> | Deno.FileInfo;
  stat(path: string): Promise<Deno.FileInfo> | Deno.FileInfo;
  realPath(path: string): Promise<string> | string;
  readFile(path: string): Promise<Uint8Array> | Uint8Array;
}

const ASYNC_FS: FileCalls = {
  lstat: (path) => Deno.lstat(path),
  stat: (path) => Deno.stat(path),
  realPath: (path) => Deno.realPath(path),
  readFile: (path) => Deno.readFile(path),
};

const BLOCKING_FS: FileCalls = {
  lstat: (path) => Deno.lstatSync(path),
  stat: (path) => Deno.statSync(path),
  realPath: (path) => Deno.realPathSync(path),
  readFile: (path) => Deno.readFileSync(path),
};

/** Reads and parses `path`; problems are returned as issues with an empty JSON path. */
export async function readJsonFile(
  path: string,
  options: ReadJsonOptions,
): Promise<JsonFileResult> {
  const fail = (code: string, message: string, bytes?: number): JsonFileResult => ({
    path,
    bytes,
    issues: [error(code, "", message)],
  });
  const fs = options.blocking ? BLOCKING_FS : ASYNC_FS;
  let info: Deno.FileInfo;
  try {
    info = await fs.lstat(path);
    if (info.isSymlink) {
      const target = await fs.realPath(path);
      if (options.confineTo && !isInside(target, options.confineTo)) {
        return fail(
          "file.symlink",
          `Symlink leads out of the data folder (to ${target}); not read`,
        );
      }
      info = await fs.stat(target);
    }
  } catch (cause) {
    return fail("file.unreadable", `Cannot read file: ${describeError(cause)}`);
  }
  if (!info.isFile) return fail("file.kind", "Not a regular file");
  if (info.size > options.maxBytes) {
    return fail(
      "file.size",
      `File is ${info.size} bytes, over the ${options.maxBytes}-byte limit; not read`,
      info.size,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (cause) {
    return fail("file.unreadable", `Cannot read file: ${describeError(cause)}`);
  }
  if (bytes.length > options.maxBytes) {
    return fail(
      "file.size",
      `File grew past the ${options.maxBytes}-byte limit while read`,
      bytes.length,
    );
  }
  return parseJsonBytes(path, bytes);
}

/** Parses file bytes already in memory, with the same checks as {@link readJsonFile}. */
export function parseJsonBytes(path: string, bytes: Uint8Array): JsonFileResult {
  const fail = (code: string, message: string): JsonFileResult => ({
    path,
    bytes: bytes.length,
    issues: [error(code, "", message)],
  });
  if (bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b)) {
    return fail(
      "file.bom",
      "File starts with a UTF-8 byte order mark; JSON files must not have one",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("file.encoding", "File is not valid UTF-8");
  }
  try {
    return { path, value: JSON.parse(text), bytes: bytes.length, issues: [] };
  } catch (cause) {
    return fail("file.json", `Not valid JSON: ${(cause as Error).message}`);
  }
}

function isInside(path: string, folder: string): boolean {
  const base = folder.endsWith("/") ? folder : `${folder}/`;
  return path === folder || path.startsWith(base);
}

function describeError(cause: unknown): string {
  if (cause instanceof Deno.errors.PermissionDenied) return "permission denied";
  if (cause instanceof Deno.errors.NotFound) return "no such file";
  return cause instanceof Error ? cause.message : String(cause);
}
