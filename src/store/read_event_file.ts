/**
 * @module
 * Reading one event file with every check kura makes before trusting it: the safe JSON read, the
 * `{"Event": …}` shape, and the file name being the event's uuid.
 */
import {
  error,
  isCanonicalUuid,
  type Issue,
  type MispEvent,
  parseEventDocument,
} from "../model/mod.ts";
import { readJsonFile, type ReadJsonOptions } from "./read_json_file.ts";

/** The outcome of reading one event file. */
export interface EventFileResult {
  readonly path: string;
  readonly event?: MispEvent;
  readonly bytes?: number;
  readonly issues: Issue[];
}

/** Options of {@link readEventFile}. */
export interface ReadEventOptions extends ReadJsonOptions {
  /** Require the file to be named `<uuid>.json` after its event (default true). */
  requireUuidName?: boolean;
}

/** Reads, parses and shape-checks an event file. Never throws for bad files. */
export async function readEventFile(
  path: string,
  options: ReadEventOptions,
): Promise<EventFileResult> {
  const json = await readJsonFile(path, options);
  if (json.value === undefined) return { path, bytes: json.bytes, issues: json.issues };
  return checkEventJson(path, json.value, json.bytes, options.requireUuidName ?? true);
}

/** Shape-checks parsed JSON as the event stored at `path`. */
export function checkEventJson(
  path: string,
  value: unknown,
  bytes: number | undefined,
  requireUuidName: boolean,
): EventFileResult {
  const parsed = parseEventDocument(value);
  const issues = [...parsed.issues];
  if (requireUuidName) issues.push(...checkFileName(path, parsed.event));
  return { path, event: parsed.event, bytes, issues };
}

/** The uuid a file name stands for (`<uuid>.json`), or undefined. */
export function uuidOfFileName(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (!name.endsWith(".json")) return undefined;
  const stem = name.slice(0, -5);
  return isCanonicalUuid(stem) ? stem : undefined;
}

function checkFileName(path: string, event: MispEvent | undefined): Issue[] {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const stem = uuidOfFileName(path);
  if (stem === undefined) {
    return [
      error("file.name", "", `File name "${name}" is not <uuid>.json with a lower-case uuid`),
    ];
  }
  const uuid = event?.uuid;
  if (typeof uuid === "string" && uuid !== stem) {
    return [
      error("file.name.mismatch", "Event.uuid", `File is named ${stem} but holds event "${uuid}"`),
    ];
  }
  return [];
}
