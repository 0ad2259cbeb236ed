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
import { validateOrgDocument, validateSharingGroupDocument } from "../validate/mod.ts";
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
  const rejected: { file: string; issues: Issue[] }[] = [];
  const orgs = new Map<string, Org>();
  const sharingGroups = new Map<string, SharingGroup>();
  for (const file of await jsonFiles(`${dataDir}/orgs`)) {
    const json = await readJsonFile(file, { maxBytes });
    const verdict = json.value === undefined
      ? { issues: json.issues }
      : validateOrgDocument(json.value);
    const ok = !verdict.issues.some((issue) => issue.severity === "error") &&
      "uuid" in verdict && verdict.uuid === uuidOfFileName(file);
    if (!ok) {
      rejected.push({ file, issues: verdict.issues });
      continue;
    }
    const org = v.parse(OrgDocumentSchema, json.value).Organisation;
    orgs.set(org.uuid!, org);
  }
  for (const file of await jsonFiles(`${dataDir}/sharing-groups`)) {
    const json = await readJsonFile(file, { maxBytes });
    const verdict = json.value === undefined
      ? { issues: json.issues }
      : validateSharingGroupDocument(json.value);
    const ok = !verdict.issues.some((issue) => issue.severity === "error") &&
      "uuid" in verdict && verdict.uuid === uuidOfFileName(file);
    if (!ok) {
      rejected.push({ file, issues: verdict.issues });
      continue;
    }
    const group = v.parse(SharingGroupDocumentSchema, json.value).SharingGroup;
    sharingGroups.set(group.uuid!, group);
  }
  const locals = [...orgs.values()].filter((org) => org.local === true);
  const hostOrg = options.hostOrg ?? (locals.length === 1 ? locals[0]!.uuid! : undefined);
  return { orgs, sharingGroups, hostOrg, rejected };
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
