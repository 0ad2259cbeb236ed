/**
 * @module
 * The verdict on one event file for publishing: read safely (size limit, confinement, UTF-8, JSON),
 * shape and name checked, then validated with the same rules and checks as `kura validate`. Only a
 * file without errors may replace what the feeds serve.
 */
import type { Issue, MispEvent } from "../model/mod.ts";
import { readEventFile, uuidOfFileName } from "../store/mod.ts";
import { type EventCheck, validateEvent } from "../validate/mod.ts";

/** Options of {@link loadEventFile}. */
export interface LoadEventOptions {
  /** Largest event file read, in bytes. */
  readonly maxBytes: number;
  /** Real path of the data folder: files (after symlinks) must lie inside it. */
  readonly confineTo?: string;
  /** Extra event checks (taxonomies, templates), as `kura validate` runs them. */
  readonly checks?: readonly EventCheck[];
  /** Current time in epoch seconds, for the future-timestamp rule. */
  readonly now?: number;
}

/** What {@link loadEventFile} found. */
export interface EventFileVerdict {
  /** The uuid the file name stands for, when it is `<uuid>.json`. */
  readonly uuid?: string;
  /** The event, only when the file has no error. */
  readonly event?: MispEvent;
  /** Every issue (warnings included). */
  readonly issues: readonly Issue[];
  /** The file does not exist (any more). */
  readonly missing: boolean;
}

/** Reads and validates the event file `path`; never throws for a bad or missing file. */
export async function loadEventFile(
  path: string,
  options: LoadEventOptions,
): Promise<EventFileVerdict> {
  const uuid = uuidOfFileName(path);
  const read = await readEventFile(path, {
    maxBytes: options.maxBytes,
    confineTo: options.confineTo,
  });
  // Only a file that could not be read may be a missing one: ask then, not before every read.
  if (read.issues.some((issue) => issue.code === "file.unreadable") && !(await exists(path))) {
    return { uuid, issues: [], missing: true };
  }
  const issues = [...read.issues];
  if (read.event) {
    issues.push(...validateEvent(read.event, { now: options.now, checks: options.checks }));
  }
  const failed = !read.event || issues.some((issue) => issue.severity === "error");
  return { uuid, event: failed ? undefined : read.event, issues, missing: false };
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (cause) {
    return !(cause instanceof Deno.errors.NotFound); // unreadable, but there
  }
}
