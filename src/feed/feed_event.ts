/**
 * @module
 * The shape of an event in a feed, after the access cut: PyMISP's `to_feed` field set (misp-formats.md
 * §6, misp-behaviour.md §3.2), which `restrictEvent` already keeps, minus what the definition leaves
 * out: excluded attribute types, soft-deleted elements (unless `includeDeleted`), and the
 * distribution fields (unless `emitDistribution`).
 */
import { pruneReferences } from "../access/mod.ts";
import type { Attribute, MispEvent, MispObject } from "../model/mod.ts";
import type { FeedDefinition } from "./feed_definition.ts";

/** Applies the definition's attribute-level choices to `event` (a restricted copy) in place. */
export function shapeFeedEvent(event: MispEvent, definition: FeedDefinition): MispEvent {
  const { excludeAttributeTypes, includeDeleted } = definition.filters;
  const excluded = new Set(excludeAttributeTypes);
  const keepAttribute = (attribute: Attribute) =>
    !(typeof attribute.type === "string" && excluded.has(attribute.type)) &&
    (includeDeleted || attribute.deleted !== true);
  if (event.Attribute) event.Attribute = event.Attribute.filter(keepAttribute);
  if (event.Object) {
    event.Object = event.Object.filter((object) => includeDeleted || object.deleted !== true);
    for (const object of event.Object) {
      if (object.Attribute) object.Attribute = object.Attribute.filter(keepAttribute);
      if (object.ObjectReference && !includeDeleted) {
        object.ObjectReference = object.ObjectReference.filter((ref) => ref.deleted !== true);
      }
    }
  }
  if (event.EventReport && !includeDeleted) {
    event.EventReport = event.EventReport.filter((report) => report.deleted !== true);
  }
  pruneReferences(event);
  if (!definition.emitDistribution) stripDistribution(event);
  return event;
}

/**
 * Removes `distribution` and `SharingGroup` at every level, so the consumer applies its own feed
 * distribution (PyMISP's default `with_distribution=False`).
 */
function stripDistribution(event: MispEvent): void {
  // Set to undefined rather than deleted: the JSON writer leaves undefined out, and objects keep
  // their shape (delete makes later property access slow on large events).
  const strip = (item: { distribution?: unknown; SharingGroup?: unknown }) => {
    if (item.distribution !== undefined) item.distribution = undefined;
    if (item.SharingGroup !== undefined) item.SharingGroup = undefined;
  };
  strip(event);
  for (const attribute of event.Attribute ?? []) strip(attribute);
  for (const object of event.Object ?? [] as MispObject[]) {
    strip(object);
    for (const attribute of object.Attribute ?? []) strip(attribute);
  }
  for (const report of event.EventReport ?? []) strip(report);
}
