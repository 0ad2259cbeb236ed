/**
 * @module
 * The verdict on one data file: read it safely, check its shape and name, validate its content by
 * kind. Used by `kura validate`, the daemon's status and sync.
 */
import { error, type Issue } from "../model/mod.ts";
import {
  type EventCheck,
  validateBlocklistDocument,
  validateEvent,
  validateOrgDocument,
  validateProposalDocument,
  validateSharingGroupDocument,
} from "../validate/mod.ts";
import { recordKindOf } from "./data_files.ts";
import { checkEventJson, uuidOfFileName } from "./read_event_file.ts";
import { readJsonFile, type ReadJsonOptions } from "./read_json_file.ts";

/** Options of {@link checkDataFile}. */
export interface CheckFileOptions extends ReadJsonOptions {
  /** Extra event checks (taxonomies, templates). */
  checks?: readonly EventCheck[];
  /** Current time in epoch seconds, for future-timestamp warnings. */
  now?: number;
}

/** Every issue of one data file, found without throwing. */
export async function checkDataFile(path: string, options: CheckFileOptions): Promise<Issue[]> {
  const json = await readJsonFile(path, options);
  if (json.value === undefined) return json.issues;
  const kind = recordKindOf(path);
  if (kind === "blocklist") return validateBlocklistDocument(json.value);
  if (kind === "event") {
    const read = checkEventJson(path, json.value, json.bytes, true);
    if (!read.event) return read.issues;
    return [
      ...read.issues,
      ...validateEvent(read.event, { now: options.now, checks: options.checks }),
    ];
  }
  const verdict = kind === "org"
    ? validateOrgDocument(json.value)
    : kind === "sharing-group"
    ? validateSharingGroupDocument(json.value)
    : validateProposalDocument(json.value);
  const issues = [...verdict.issues];
  const stem = uuidOfFileName(path);
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (stem === undefined) {
    issues.push(
      error("file.name", "", `File name "${name}" is not <uuid>.json with a lower-case uuid`),
    );
  } else if (verdict.uuid !== undefined && verdict.uuid !== stem) {
    issues.push(
      error(
        "file.name.mismatch",
        "",
        `File is named ${stem} but holds the ${kind} "${verdict.uuid}"`,
      ),
    );
  }
  return issues;
}
