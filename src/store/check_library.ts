/**
 * @module
 * Running `catalog check` over one checkout on disk: detect its kind, read every file of that kind,
 * feed them to the pure {@link LibraryCheck}, and with `fix` rewrite the files that are not in the
 * repository's canonical form (atomically). Unreadable files are findings, not failures.
 */
import {
  LibraryCheck,
  type LibraryFinding,
  type LibraryKind,
  orderForCheck,
} from "../catalog/mod.ts";
import { error } from "../model/mod.ts";
import { writeFileAtomic } from "./atomic_write.ts";
import { detectLibraryKind, listLibraryFiles, listTopFolders } from "./library_files.ts";

/** Options of {@link checkLibraryFolder}. */
export interface CheckLibraryOptions {
  /** Rewrite files that parse but are not in canonical form. */
  fix?: boolean;
}

/** The outcome of checking one checkout. */
export interface LibraryReport {
  readonly root: string;
  readonly kind: LibraryKind;
  /** Every file checked, relative to `root`, sorted. */
  readonly files: readonly string[];
  /** Findings; with `fix`, the formatting findings of rewritten files are left out. */
  readonly findings: readonly LibraryFinding[];
  /** Files rewritten by `fix`. */
  readonly fixed: readonly string[];
  /** Bytes read. */
  readonly bytes: number;
}

/**
 * Checks the library checkout at `root`; undefined when `root` is not a checkout of misp-taxonomies,
 * misp-galaxy or misp-objects. Throws when `root` cannot be listed.
 */
export async function checkLibraryFolder(
  root: string,
  options: CheckLibraryOptions = {},
): Promise<LibraryReport | undefined> {
  const kind = await detectLibraryKind(root);
  if (!kind) return undefined;
  const files = await listLibraryFiles(root, kind);
  const check = new LibraryCheck(kind, {
    topFolders: kind === "taxonomies" ? await listTopFolders(root) : [],
  });
  const unreadable: LibraryFinding[] = [];
  const fixed: string[] = [];
  let bytes = 0;
  const ordered = orderForCheck(kind, files);
  // Read one file ahead while the previous one is checked.
  let next = readOne(root, ordered[0]);
  for (let i = 0; i < ordered.length; i++) {
    const path = ordered[i]!;
    const read = await next;
    next = readOne(root, ordered[i + 1]);
    if ("failure" in read) {
      unreadable.push({
        file: path,
        issue: error("file.unreadable", "", `Cannot read file: ${read.failure}`),
      });
      continue;
    }
    bytes += read.bytes.length;
    const added = check.add(path, read.bytes, { executable: read.executable });
    if (options.fix && added.canonical !== undefined) {
      await writeFileAtomic(`${root}/${path}`, added.canonical);
      fixed.push(path);
    }
  }
  await next;
  const fixedSet = new Set(fixed);
  const findings = [...unreadable, ...check.finish()].filter((finding) =>
    !(fixedSet.has(finding.file) && finding.issue.code === "format.not-canonical")
  );
  return { root, kind, files, findings, fixed, bytes };
}

type Read = { bytes: Uint8Array; executable: boolean } | { failure: string };

async function readOne(root: string, path: string | undefined): Promise<Read> {
  if (path === undefined) return { failure: "none" };
  try {
    const file = `${root}/${path}`;
    const [bytes, info] = await Promise.all([Deno.readFile(file), Deno.stat(file)]);
    return { bytes, executable: ((info.mode ?? 0) & 0o111) !== 0 };
  } catch (cause) {
    return {
      failure: cause instanceof Deno.errors.PermissionDenied
        ? "permission denied"
        : (cause as Error).message,
    };
  }
}
