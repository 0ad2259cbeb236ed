/**
 * @module
 * The one function every output path uses to cut an event down to what an audience may receive:
 * only visible elements (each gate and every ancestor's, visibility.ts), their distributions as the
 * audience receives them (sync_transform.ts), only exportable tags (tag_export.ts), sharing-group
 * metadata only where the audience may see the group, references only between elements that are
 * still there, and only the fields MISP sends to another instance (misp-behaviour.md §2.5, §3.2):
 * no local ids, no `Org`, no galaxies, proposals, sightings, correlations or unknown keys. This is
 * field-survey.md §4.3's "one pure distribution filter", applied to every element type.
 */
import type {
  Attribute,
  EventReport,
  MispEvent,
  MispObject,
  ObjectReference,
  Org,
  Tag,
} from "../model/mod.ts";
import { parseDistribution } from "../model/mod.ts";
import { type AccessContext, resolveSharingGroup } from "./access_context.ts";
import type { Audience } from "./audience.ts";
import { pruneSharingGroup } from "./prune_sharing_group.ts";
import { syncDistribution } from "./sync_transform.ts";
import { isTagExportable } from "./tag_export.ts";
import { canSeeSharingGroup, type Distributed, passesOwnGate } from "./visibility.ts";

const EVENT_FIELDS = [
  "uuid",
  "info",
  "threat_level_id",
  "analysis",
  "date",
  "timestamp",
  "publish_timestamp",
  "published",
  "extends_uuid",
  "protected",
] as const;
const ATTRIBUTE_FIELDS = [
  "uuid",
  "type",
  "category",
  "value",
  "comment",
  "to_ids",
  "deleted",
  "disable_correlation",
  "timestamp",
  "first_seen",
  "last_seen",
  "data",
  "object_relation",
] as const;
const OBJECT_FIELDS = [
  "uuid",
  "name",
  "meta-category",
  "description",
  "template_uuid",
  "template_version",
  "timestamp",
  "comment",
  "first_seen",
  "last_seen",
  "deleted",
] as const;
const REFERENCE_FIELDS = [
  "uuid",
  "timestamp",
  "referenced_uuid",
  "relationship_type",
  "comment",
  "deleted",
] as const;
const REPORT_FIELDS = ["uuid", "name", "content", "timestamp", "deleted"] as const;
const TAG_FIELDS = ["name", "colour", "relationship_type", "local"] as const;

/**
 * The part of `event` that `audience` may receive, or undefined when it may not see the event at
 * all. Unpublished events never leave this organisation (misp-behaviour.md §2.5 "Never synced"), so
 * they are undefined for every audience but `internal`. The input is not modified and shares no
 * objects with the result.
 */
export function restrictEvent(
  event: MispEvent,
  audience: Audience,
  context: AccessContext,
): MispEvent | undefined {
  if (audience.kind !== "internal" && event.published !== true) return undefined;
  if (!passesOwnGate(event, "event", audience, context)) return undefined;
  const out = pick(event, EVENT_FIELDS) as MispEvent;
  copyDistribution(out, event, audience, context);
  if (event.Orgc) out.Orgc = orgNameAndUuid(event.Orgc);
  if (event.Tag) out.Tag = restrictTags(event.Tag, audience);
  if (event.Attribute) {
    out.Attribute = event.Attribute
      .filter((attribute) => passesOwnGate(attribute, "child", audience, context))
      .map((attribute) => restrictAttribute(attribute, audience, context));
  }
  if (event.Object) {
    out.Object = event.Object
      .filter((object) => passesOwnGate(object, "child", audience, context))
      .map((object) => restrictObject(object, audience, context));
  }
  if (event.EventReport) {
    out.EventReport = event.EventReport
      .filter((report) => passesOwnGate(report, "child", audience, context))
      .map((report) => {
        const copy = pick(report, REPORT_FIELDS) as EventReport;
        copyDistribution(copy, report, audience, context);
        return copy;
      });
  }
  pruneReferences(out);
  return out;
}

/**
 * Removes, in place, every object reference whose target (`referenced_uuid`) is not an attribute or
 * object of `event`: a reference to an element the audience does not receive would reveal that it
 * exists and how it relates (MISP drops such references on capture too, §13.18).
 */
export function pruneReferences(event: MispEvent): void {
  if (!event.Object) return;
  const present = new Set<string>();
  for (const attribute of event.Attribute ?? []) addUuid(present, attribute.uuid);
  for (const object of event.Object) {
    addUuid(present, object.uuid);
    for (const attribute of object.Attribute ?? []) addUuid(present, attribute.uuid);
  }
  for (const object of event.Object) {
    if (!object.ObjectReference) continue;
    object.ObjectReference = object.ObjectReference.filter((reference) =>
      typeof reference.referenced_uuid === "string" &&
      present.has(reference.referenced_uuid.toLowerCase())
    );
  }
}

function restrictAttribute(
  attribute: Attribute,
  audience: Audience,
  context: AccessContext,
): Attribute {
  const out = pick(attribute, ATTRIBUTE_FIELDS) as Attribute;
  copyDistribution(out, attribute, audience, context);
  if (attribute.Tag) out.Tag = restrictTags(attribute.Tag, audience);
  return out;
}

function restrictObject(
  object: MispObject,
  audience: Audience,
  context: AccessContext,
): MispObject {
  const out = pick(object, OBJECT_FIELDS) as MispObject;
  copyDistribution(out, object, audience, context);
  if (object.Attribute) {
    out.Attribute = object.Attribute
      .filter((attribute) => passesOwnGate(attribute, "child", audience, context))
      .map((attribute) => restrictAttribute(attribute, audience, context));
  }
  if (object.ObjectReference) {
    out.ObjectReference = object.ObjectReference.map((reference) => {
      const copy = pick(reference, REFERENCE_FIELDS) as ObjectReference;
      // A reference belongs to the object holding it; older exports say source_uuid or omit it.
      if (object.uuid != null) copy.object_uuid = object.uuid;
      return copy;
    });
  }
  return out;
}

function restrictTags(tags: readonly Tag[], audience: Audience): Tag[] {
  return tags
    .filter((tag) => typeof tag.name === "string" && isTagExportable(tag, audience))
    .map((tag) => pick(tag, TAG_FIELDS) as Tag);
}

/**
 * Sets `distribution` as the audience receives it and, for level 4, the pruned sharing group when
 * the audience may see it. `sharing_group_id` is never copied: it is a local id.
 */
function copyDistribution(
  out: { distribution?: string | null; SharingGroup?: Distributed["SharingGroup"] },
  element: Distributed,
  audience: Audience,
  context: AccessContext,
): void {
  const level = parseDistribution(element.distribution);
  if (level === undefined) {
    // Only `internal` sees elements without a valid level; it gets them as they are.
    if (element.distribution != null) out.distribution = element.distribution;
    return;
  }
  out.distribution = String(syncDistribution(level, audience));
  if (level !== 4) return;
  const group = resolveSharingGroup(element, context);
  if (group !== undefined && canSeeSharingGroup(group, audience, context)) {
    out.SharingGroup = pruneSharingGroup(group);
  }
}

function orgNameAndUuid(org: Org): Org {
  const out: Org = {};
  if (org.name != null) out.name = org.name;
  if (org.uuid != null) out.uuid = org.uuid;
  return out;
}

function pick<T extends object, K extends string>(
  source: T,
  keys: readonly K[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = source as Record<string, unknown>;
  for (const key of keys) {
    const value = record[key];
    // null is MISP's "not set" (first_seen, object_relation of a top-level attribute, …).
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

function addUuid(set: Set<string>, uuid: string | null | undefined): void {
  if (typeof uuid === "string") set.add(uuid.toLowerCase());
}
