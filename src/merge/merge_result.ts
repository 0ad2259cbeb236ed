/**
 * @module
 * The outcome of syncing one event: its status, the reason in plain words, and what changed. Sync never
 * drops an event silently (DESIGN rule 5): every manifest entry ends with one of these.
 */
import type { MispEvent } from "../model/mod.ts";

/** What happened to one event of a pull. */
export type SyncStatus = "new" | "updated" | "unchanged" | "rejected" | "quarantined";

/** Every status, in report order. */
export const SYNC_STATUSES: readonly SyncStatus[] = [
  "new",
  "updated",
  "unchanged",
  "rejected",
  "quarantined",
];

/** What a merge changed in the local copy, counted per element kind. */
export interface ChangeSummary {
  /** Event-level fields whose value changed (`info`, `timestamp`, …). */
  fields: string[];
  attributesAdded: number;
  attributesUpdated: number;
  objectsAdded: number;
  objectsUpdated: number;
  referencesAdded: number;
  referencesUpdated: number;
  reportsAdded: number;
  reportsUpdated: number;
  tagsAdded: number;
  tagsRemoved: number;
  /** Incoming elements left out, each with why (duplicate uuid, dangling reference, excluded type). */
  skipped: string[];
}

/** An empty {@link ChangeSummary}. */
export function noChanges(): ChangeSummary {
  return {
    fields: [],
    attributesAdded: 0,
    attributesUpdated: 0,
    objectsAdded: 0,
    objectsUpdated: 0,
    referencesAdded: 0,
    referencesUpdated: 0,
    reportsAdded: 0,
    reportsUpdated: 0,
    tagsAdded: 0,
    tagsRemoved: 0,
    skipped: [],
  };
}

/** The decision of {@link mergeEvent}: the event to store when the status is new or updated. */
export interface MergeResult {
  readonly status: "new" | "updated" | "unchanged" | "rejected";
  readonly reason: string;
  readonly event?: MispEvent;
  readonly changes: ChangeSummary;
}

/** One event's line in a pull report. */
export interface EventResult {
  /** The manifest key (a uuid unless the entry was refused for its key). */
  readonly uuid: string;
  readonly status: SyncStatus;
  readonly reason: string;
  /** The event's title, when known. */
  readonly info?: string;
  readonly changes?: ChangeSummary;
  /** Id of the quarantine receipt, for `quarantined`. */
  readonly quarantineId?: string;
}

/** One-line description of a change summary, e.g. `+2 attributes, 1 attribute updated`. */
export function describeChanges(changes: ChangeSummary): string {
  const parts: string[] = [];
  const add = (n: number, what: string) => n > 0 && parts.push(`${n} ${what}`);
  add(changes.attributesAdded, "attribute(s) added");
  add(changes.attributesUpdated, "attribute(s) updated");
  add(changes.objectsAdded, "object(s) added");
  add(changes.objectsUpdated, "object(s) updated");
  add(changes.referencesAdded, "reference(s) added");
  add(changes.referencesUpdated, "reference(s) updated");
  add(changes.reportsAdded, "report(s) added");
  add(changes.reportsUpdated, "report(s) updated");
  add(changes.tagsAdded, "tag(s) added");
  add(changes.tagsRemoved, "tag(s) removed");
  if (changes.fields.length > 0) parts.push(`fields: ${changes.fields.join(", ")}`);
  if (changes.skipped.length > 0) parts.push(`${changes.skipped.length} element(s) skipped`);
  return parts.join("; ");
}
