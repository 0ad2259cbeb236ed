/**
 * @module
 * Merging a peer's event into the local copy with MISP's rules (misp-behaviour.md §2.6, §2.7): the
 * update is refused unless the event timestamp is strictly newer; a peer never modifies an event
 * created here; `Orgc` never changes; then each element wins only if its own timestamp is strictly
 * newer, and nothing absent is deleted. Pure: both events are inputs, the result is data.
 */
import { type MispEvent, stringifyCanonical } from "../model/mod.ts";
import {
  mergeAttributes,
  mergeObjects,
  mergeReferences,
  mergeReports,
  mergeTags,
  placeAttributes,
  timestampOf,
} from "./merge_elements.ts";
import { type MergeResult, noChanges } from "./merge_result.ts";
import { refusedLocalCopy } from "./plan_pull.ts";

/** Options of {@link mergeEvent}. */
export interface MergePolicy {
  /** This instance's org uuid: its events are never modified by a peer. */
  readonly hostOrg?: string;
  /** Same-org link: may edit unlocked local copies (never host-org events). */
  readonly internal: boolean;
}

/** Event fields an edit saves (§2.6 "Existing event" step 3). */
const EDITABLE_FIELDS = [
  "date",
  "threat_level_id",
  "analysis",
  "info",
  "published",
  "distribution",
  "timestamp",
  "publish_timestamp",
  "sharing_group_id",
  "disable_correlation",
  "extends_uuid",
] as const;

/**
 * Merges `incoming` (already prepared for this instance) into `local` (undefined when the uuid is
 * unknown here). The result carries the event to store for `new` and `updated`.
 */
export function mergeEvent(
  local: MispEvent | undefined,
  incoming: MispEvent,
  policy: MergePolicy,
): MergeResult {
  const changes = noChanges();
  if (local === undefined) {
    return { status: "new", reason: "not known here", event: incoming, changes };
  }
  const localOrgc = local.Orgc?.uuid?.toLowerCase();
  const refused = refusedLocalCopy(
    { orgc: localOrgc, locked: local.locked === true },
    policy,
  );
  if (refused) return { status: "rejected", reason: refused, changes };
  const incomingOrgc = incoming.Orgc?.uuid?.toLowerCase();
  if (incomingOrgc !== localOrgc) {
    return {
      status: "rejected",
      reason: `the creator org cannot change: local ${localOrgc ?? "none"}, incoming ${
        incomingOrgc ?? "none"
      }`,
      changes,
    };
  }
  const localTime = timestampOf(local);
  const incomingTime = timestampOf(incoming);
  if (incomingTime === localTime) {
    return { status: "unchanged", reason: "same event timestamp as the local copy", changes };
  }
  if (incomingTime < localTime) {
    return {
      status: "rejected",
      reason: `Event in the request not newer than the local copy (${incomingTime} < ${localTime})`,
      changes,
    };
  }

  const merged: MispEvent = { ...local };
  for (const key of EDITABLE_FIELDS) {
    const value = incoming[key];
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  if (incoming.published === undefined) merged.published = false; // MISP: missing published → 0
  if (incoming.SharingGroup !== undefined) merged.SharingGroup = incoming.SharingGroup;
  merged.locked = local.locked;
  for (const key of EDITABLE_FIELDS) {
    if (JSON.stringify(merged[key]) !== JSON.stringify(local[key])) changes.fields.push(key);
  }
  merged.Tag = mergeTags(local.Tag, incoming.Tag, changes);
  const placement = placeAttributes(local.Attribute, local.Object);
  merged.Attribute = mergeAttributes(local.Attribute, incoming.Attribute, {
    place: "event",
    placement,
    changes,
  });
  const objects = mergeObjects(local.Object, incoming.Object, { placement, changes });
  const targets = new Set<string>([
    ...placement.keys(),
    ...(objects ?? []).map((object) => object.uuid ?? ""),
  ]);
  merged.Object = mergeReferences(objects, incoming.Object, { targets, changes });
  merged.EventReport = mergeReports(local.EventReport, incoming.EventReport, changes);
  for (const key of ["Tag", "Attribute", "Object", "EventReport"] as const) {
    if (merged[key] === undefined) delete merged[key];
  }
  if (stringifyCanonical(merged) === stringifyCanonical(local)) {
    return { status: "unchanged", reason: "no element newer than the local copy", changes };
  }
  return { status: "updated", reason: "newer event timestamp", event: merged, changes };
}
