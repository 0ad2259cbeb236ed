/**
 * @module
 * Element-level merge rules of misp-behaviour.md §2.6 (steps 4–8): elements are matched by uuid, an
 * incoming element wins only when its own timestamp is strictly newer (the local copy wins ties),
 * unknown uuids are added, nothing absent is deleted, soft deletes travel as `deleted: true`, and tags
 * are added but only removed when they arrive with `deleted: true`.
 */
import type { Attribute, EventReport, MispObject, ObjectReference, Tag } from "../model/mod.ts";
import type { ChangeSummary } from "./merge_result.ts";

/** Epoch seconds of an element's timestamp; missing or malformed counts as 0 (never newer). */
export function timestampOf(item: { timestamp?: string | null } | undefined): number {
  const value = Number(item?.timestamp ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/** True when `incoming` is strictly newer than `local`. */
export function isNewer(
  incoming: { timestamp?: string | null },
  local: { timestamp?: string | null },
): boolean {
  return timestampOf(incoming) > timestampOf(local);
}

/** Merges tag lists by name: missing tags are added; a tag is removed only when sent deleted. */
export function mergeTags(
  local: readonly Tag[] | undefined,
  incoming: readonly Tag[] | undefined,
  changes: ChangeSummary,
): Tag[] | undefined {
  if (incoming === undefined || incoming.length === 0) return local ? [...local] : undefined;
  const result = [...(local ?? [])];
  for (const tag of incoming) {
    const at = result.findIndex((existing) => existing.name === tag.name);
    const deleted = (tag as { deleted?: unknown }).deleted === true;
    if (deleted) {
      if (at !== -1) {
        result.splice(at, 1);
        changes.tagsRemoved++;
      }
    } else if (at === -1) {
      result.push(tag);
      changes.tagsAdded++;
    }
  }
  return result;
}

/** Where each attribute and object uuid of an event sits: `event` or `object:<uuid>`. */
export type Placement = Map<string, string>;

/** Records where every attribute of the event (top level and in objects) lives. */
export function placeAttributes(
  attributes: readonly Attribute[] | undefined,
  objects: readonly MispObject[] | undefined,
): Placement {
  const places: Placement = new Map();
  for (const attribute of attributes ?? []) if (attribute.uuid) places.set(attribute.uuid, "event");
  for (const object of objects ?? []) {
    for (const attribute of object.Attribute ?? []) {
      if (attribute.uuid) places.set(attribute.uuid, `object:${object.uuid}`);
    }
  }
  return places;
}

/**
 * Merges the attributes of one place (the event, or one object). An incoming attribute whose uuid
 * already lives elsewhere in the event is skipped (MISP: "duplicate UUID").
 */
export function mergeAttributes(
  local: readonly Attribute[] | undefined,
  incoming: readonly Attribute[] | undefined,
  context: { place: string; placement: Placement; changes: ChangeSummary },
): Attribute[] | undefined {
  if (incoming === undefined) return local ? [...local] : undefined;
  const { place, placement, changes } = context;
  const result = [...(local ?? [])];
  const index = new Map(result.map((attribute, i) => [attribute.uuid, i]));
  for (const attribute of incoming) {
    const uuid = attribute.uuid;
    if (!uuid) {
      changes.skipped.push(`attribute without uuid in ${place} skipped`);
      continue;
    }
    const at = index.get(uuid);
    if (at === undefined) {
      const elsewhere = placement.get(uuid);
      if (elsewhere !== undefined && elsewhere !== place) {
        changes.skipped.push(`attribute ${uuid}: duplicate uuid, already in ${elsewhere}`);
        continue;
      }
      index.set(uuid, result.length);
      placement.set(uuid, place);
      result.push(attribute);
      changes.attributesAdded++;
      continue;
    }
    const current = result[at]!;
    if (!isNewer(attribute, current)) continue;
    const merged: Attribute = { ...current, ...definedFields(attribute) };
    const tags = mergeTags(current.Tag, attribute.Tag, changes);
    if (tags !== undefined) merged.Tag = tags;
    result[at] = merged;
    changes.attributesUpdated++;
  }
  return result;
}

/** Merges objects: a known object is taken, with its attributes and references, only when newer. */
export function mergeObjects(
  local: readonly MispObject[] | undefined,
  incoming: readonly MispObject[] | undefined,
  context: { placement: Placement; changes: ChangeSummary },
): MispObject[] | undefined {
  if (incoming === undefined) return local ? [...local] : undefined;
  const { placement, changes } = context;
  const result = [...(local ?? [])];
  const index = new Map(result.map((object, i) => [object.uuid, i]));
  for (const object of incoming) {
    const uuid = object.uuid;
    if (!uuid) {
      changes.skipped.push("object without uuid skipped");
      continue;
    }
    const place = `object:${uuid}`;
    const at = index.get(uuid);
    if (at === undefined) {
      const attributes = mergeAttributes([], object.Attribute, { place, placement, changes });
      // Its attributes were counted one by one; count the object, not them again.
      changes.attributesAdded -= attributes?.length ?? 0;
      index.set(uuid, result.length);
      // References are added by mergeReferences, which checks their targets.
      result.push({ ...object, Attribute: attributes ?? object.Attribute, ObjectReference: [] });
      changes.objectsAdded++;
      continue;
    }
    const current = result[at]!;
    if (!isNewer(object, current)) continue; // object and all its attributes ignored (§2.6 step 5)
    const merged: MispObject = { ...current, ...definedFields(object) };
    merged.Attribute = mergeAttributes(current.Attribute, object.Attribute, {
      place,
      placement,
      changes,
    });
    merged.ObjectReference = current.ObjectReference;
    if (object.Tag !== undefined) merged.Tag = mergeTags(current.Tag, object.Tag, changes);
    if (merged.deleted === true && merged.Attribute) {
      // A deleted object cascades its deletion to its attributes (MispObject::afterSave).
      merged.Attribute = merged.Attribute.map((attribute) =>
        attribute.deleted === true ? attribute : { ...attribute, deleted: true }
      );
    }
    result[at] = merged;
    changes.objectsUpdated++;
  }
  return result;
}

/**
 * Merges the references of every object once attributes and objects are merged: known references take
 * newer `timestamp, relationship_type, comment, deleted`; new ones are kept only when their target is
 * in the event (§2.6 step 6).
 */
export function mergeReferences(
  merged: MispObject[] | undefined,
  incoming: readonly MispObject[] | undefined,
  context: { targets: ReadonlySet<string>; changes: ChangeSummary },
): MispObject[] | undefined {
  if (merged === undefined || incoming === undefined) return merged;
  const { targets, changes } = context;
  const incomingByUuid = new Map(incoming.map((object) => [object.uuid, object]));
  return merged.map((object) => {
    const sent = incomingByUuid.get(object.uuid)?.ObjectReference;
    if (sent === undefined || sent === object.ObjectReference) return object;
    const result: ObjectReference[] = [...(object.ObjectReference ?? [])];
    const index = new Map(result.map((reference, i) => [reference.uuid, i]));
    for (const reference of sent) {
      const at = reference.uuid ? index.get(reference.uuid) : undefined;
      if (at === undefined) {
        if (!reference.uuid || !targets.has(reference.referenced_uuid ?? "")) {
          changes.skipped.push(
            `reference ${reference.uuid ?? "(no uuid)"} of object ${object.uuid}: target ${
              reference.referenced_uuid ?? "(none)"
            } is not in the event`,
          );
          continue;
        }
        index.set(reference.uuid, result.length);
        result.push(reference);
        changes.referencesAdded++;
        continue;
      }
      const current = result[at]!;
      if (!isNewer(reference, current)) continue;
      const updated: ObjectReference = { ...current };
      for (const key of ["timestamp", "relationship_type", "comment", "deleted"] as const) {
        if (reference[key] !== undefined) {
          (updated as Record<string, unknown>)[key] = reference[key];
        }
      }
      result[at] = updated;
      changes.referencesUpdated++;
    }
    return { ...object, ObjectReference: result };
  });
}

/** Merges event reports by uuid, newer wins (§2.6 step 7). */
export function mergeReports(
  local: readonly EventReport[] | undefined,
  incoming: readonly EventReport[] | undefined,
  changes: ChangeSummary,
): EventReport[] | undefined {
  if (incoming === undefined) return local ? [...local] : undefined;
  const result = [...(local ?? [])];
  const index = new Map(result.map((report, i) => [report.uuid, i]));
  for (const report of incoming) {
    if (!report.uuid) {
      changes.skipped.push("event report without uuid skipped");
      continue;
    }
    const at = index.get(report.uuid);
    if (at === undefined) {
      index.set(report.uuid, result.length);
      result.push(report);
      changes.reportsAdded++;
    } else if (isNewer(report, result[at]!)) {
      result[at] = { ...result[at]!, ...definedFields(report) };
      changes.reportsUpdated++;
    }
  }
  return result;
}

/** The fields of an element that were sent, minus its children (merged separately). */
function definedFields<T extends object>(item: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined || key === "Attribute" || key === "ObjectReference" || key === "Tag") {
      continue;
    }
    out[key] = value;
  }
  return out as Partial<T>;
}
