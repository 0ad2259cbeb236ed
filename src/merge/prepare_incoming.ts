/**
 * @module
 * What happens to a pulled event before it is merged (misp-behaviour.md §2.3 step 6, §2.5, §3.3
 * step 3): `locked` set; distribution downgraded 1→0 and 2→1 on the event and every child unless the
 * peer is internal, or replaced by the peer's configured level (children then inherit, 5); local tags
 * removed; excluded attribute types dropped; the sender's numeric ids and local org dropped.
 */
import type { Attribute, MispEvent, MispObject, Tag } from "../model/mod.ts";

/** How a peer's events are transformed on arrival. */
export interface IncomingPolicy {
  /** `"keep"` the feed's distribution (downgraded), or one level for every event. */
  readonly distribution: "keep" | 0 | 1 | 2 | 3;
  /** Same-org peer: no downgrade, local tags kept. */
  readonly internal: boolean;
  /** Attribute types dropped. */
  readonly excludeTypes: readonly string[];
}

/** The prepared event and the elements left out, each with a reason. */
export interface PreparedEvent {
  readonly event: MispEvent;
  readonly skipped: string[];
}

const DOWNGRADE: Record<string, string> = { "1": "0", "2": "1" };
const ID_FIELDS = ["id", "event_id", "object_id", "org_id", "orgc_id", "user_id"] as const;

/** Applies `policy` to a copy of `event`; the input is not changed. */
export function prepareIncoming(event: MispEvent, policy: IncomingPolicy): PreparedEvent {
  const skipped: string[] = [];
  const excluded = new Set(policy.excludeTypes);
  const fixed = policy.distribution === "keep" ? undefined : String(policy.distribution);
  const childDistribution = (value: string | null | undefined): string => {
    if (fixed !== undefined) return "5";
    const level = value ?? "5";
    return policy.internal ? level : DOWNGRADE[level] ?? level;
  };
  const tags = (list: Tag[] | undefined): Tag[] | undefined =>
    list === undefined || policy.internal ? list : list.filter((tag) => tag.local !== true);
  const attributes = (list: Attribute[] | undefined, where: string): Attribute[] | undefined =>
    list?.filter((attribute) => {
      if (!excluded.has(attribute.type ?? "")) return true;
      skipped.push(`${where} attribute ${attribute.uuid}: type "${attribute.type}" is excluded`);
      return false;
    }).map((attribute) => {
      const copy: Attribute = withoutIds({ ...attribute });
      copy.distribution = childDistribution(attribute.distribution);
      if (attribute.Tag !== undefined) copy.Tag = tags(attribute.Tag);
      return copy;
    });

  const copy: MispEvent = withoutIds({ ...event });
  delete copy.Org;
  copy.locked = true;
  if (fixed !== undefined) {
    copy.distribution = fixed;
    copy.sharing_group_id = "0";
    delete copy.SharingGroup;
  } else {
    // A pulled event without distribution counts as community (§2.3 step 6), then is downgraded.
    const level = event.distribution ?? "1";
    copy.distribution = policy.internal ? level : DOWNGRADE[level] ?? level;
  }
  if (event.Tag !== undefined) copy.Tag = tags(event.Tag);
  if (event.Attribute !== undefined) copy.Attribute = attributes(event.Attribute, "event");
  if (event.Object !== undefined) {
    copy.Object = event.Object.map((object): MispObject => {
      const objectCopy: MispObject = withoutIds({ ...object });
      objectCopy.distribution = childDistribution(object.distribution);
      if (object.Attribute !== undefined) {
        objectCopy.Attribute = attributes(object.Attribute, `object ${object.uuid}`);
      }
      if (object.Tag !== undefined) objectCopy.Tag = tags(object.Tag);
      return objectCopy;
    });
  }
  if (event.EventReport !== undefined) {
    copy.EventReport = event.EventReport.map((report) => {
      const reportCopy = withoutIds({ ...report });
      reportCopy.distribution = childDistribution(report.distribution);
      return reportCopy;
    });
  }
  return { event: copy, skipped };
}

function withoutIds<T extends object>(item: T): T {
  const record = item as Record<string, unknown>;
  for (const key of ID_FIELDS) delete record[key];
  return item;
}
