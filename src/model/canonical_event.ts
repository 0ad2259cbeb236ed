/**
 * @module
 * Canonical ordering of an event's children, so that the same event always has the same file text
 * whatever order an editor or a peer sent its parts in.
 */
import type { MispEvent } from "./event.ts";

/**
 * Returns a copy of `event` with attributes, objects, object attributes, references and reports ordered
 * by uuid (items without a uuid keep their order, after the others). Tags and everything else keep their
 * order: tag order is the author's.
 */
export function canonicalEvent(event: MispEvent): MispEvent {
  const copy: MispEvent = { ...event };
  if (Array.isArray(event.Attribute)) copy.Attribute = byUuid(event.Attribute);
  if (Array.isArray(event.EventReport)) copy.EventReport = byUuid(event.EventReport);
  if (Array.isArray(event.Object)) {
    copy.Object = byUuid(event.Object).map((object) => {
      const objectCopy = { ...object };
      if (Array.isArray(object.Attribute)) objectCopy.Attribute = byUuid(object.Attribute);
      if (Array.isArray(object.ObjectReference)) {
        objectCopy.ObjectReference = byUuid(object.ObjectReference);
      }
      return objectCopy;
    });
  }
  return copy;
}

function byUuid<T extends { uuid?: string | null }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const ua = a.item.uuid ?? undefined;
      const ub = b.item.uuid ?? undefined;
      if (ua === undefined || ub === undefined) {
        if (ua !== ub) return ua === undefined ? 1 : -1;
        return a.index - b.index;
      }
      const la = ua.toLowerCase();
      const lb = ub.toLowerCase();
      return la < lb ? -1 : la > lb ? 1 : a.index - b.index;
    })
    .map(({ item }) => item);
}
