/**
 * @module
 * The organisations and sharing groups of a data folder (`orgs/`, `sharing-groups/`), loaded by uuid,
 * and this instance's own organisation. Files that fail validation are reported, not used.
 */
import * as v from "valibot";
import {
  type Issue,
  type Org,
  OrgDocumentSchema,
  type SharingGroup,
  SharingGroupDocumentSchema,
} from "../model/mod.ts";
import {
  type RecordVerdict,
  validateOrgDocument,
  validateSharingGroupDocument,
} from "../validate/mod.ts";
import { readJsonFile } from "./read_json_file.ts";
import { uuidOfFileName } from "./read_event_file.ts";

/** Organisations and sharing groups by uuid, plus the files that could not be used. */
export interface RecordRegistry {
  readonly orgs: ReadonlyMap<string, Org>;
  readonly sharingGroups: ReadonlyMap<string, SharingGroup>;
  /** uuid of this instance's organisation, if known. */
  readonly hostOrg?: string;
  /** Files skipped because they are invalid, with their issues. */
  readonly rejected: readonly { file: string; issues: readonly Issue[] }[];
}

/** Options of {@link loadRecordRegistry}. */
export interface RegistryOptions {
  /** Host org uuid from the config; else the single org marked `"local": true`. */
  hostOrg?: string;
  /** Largest file read (default 64 MiB). */
  maxBytes?: number;
}

/** Loads `orgs/` and `sharing-groups/` of data folder `dataDir`. */
export async function loadRecordRegistry(
  dataDir: string,
  options: RegistryOptions = {},
): Promise<RecordRegistry> {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const rejected: { file: string; issues: readonly Issue[] }[] = [];
  const orgs = await loadRecords(`${dataDir}/orgs`, {
    maxBytes,
    rejected,
    validate: validateOrgDocument,
    extract: (json) => v.parse(OrgDocumentSchema, json).Organisation,
  });
  const sharingGroups = await loadRecords(`${dataDir}/sharing-groups`, {
    maxBytes,
    rejected,
    validate: validateSharingGroupDocument,
    extract: (json) => v.parse(SharingGroupDocumentSchema, json).SharingGroup,
  });
  const locals = [...orgs.values()].filter((org) => org.local === true);
  const hostOrg = options.hostOrg ?? (locals.length === 1 ? locals[0]!.uuid! : undefined);
  return { orgs, sharingGroups, hostOrg, rejected };
}

/**
 * Loads every valid `<uuid>.json` record of `dir` by uuid; a file that fails validation or is named
 * after another uuid goes to `rejected` instead.
 */
async function loadRecords<T extends { uuid?: string | null }>(
  dir: string,
  options: {
    maxBytes: number;
    rejected: { file: string; issues: readonly Issue[] }[];
    validate: (json: unknown) => RecordVerdict;
    extract: (json: unknown) => T;
  },
): Promise<Map<string, T>> {
  const records = new Map<string, T>();
  for (const file of await jsonFiles(dir)) {
    const json = await readJsonFile(file, { maxBytes: options.maxBytes });
    const verdict = json.value === undefined
      ? { issues: json.issues }
      : options.validate(json.value);
    const valid = !verdict.issues.some((issue) => issue.severity === "error") &&
      "uuid" in verdict && verdict.uuid === uuidOfFileName(file);
    if (!valid) {
      options.rejected.push({ file, issues: verdict.issues });
      continue;
    }
    const record = options.extract(json.value);
    records.set(record.uuid!, record);
  }
  return records;
}

async function jsonFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(".json") && !entry.name.startsWith(".")) {
        files.push(`${dir}/${entry.name}`);
      }
    }
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return [];
    throw cause;
  }
  return files.sort();
}
