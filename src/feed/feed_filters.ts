/**
 * @module
 * The event-level filters of a feed definition. They only ever narrow a feed: they run on the stored
 * event before the access cut, so a NOT rule may name a local tag the readers never see.
 */
import type { MispEvent } from "../model/mod.ts";
import type { FeedFilters, OrNot } from "./feed_definition.ts";

/** Whether `event` passes the published, tag, creator-org and date filters. */
export function passesFeedFilters(event: MispEvent, filters: FeedFilters): boolean {
  if (filters.published === "only" && event.published !== true) return false;
  const tags = (event.Tag ?? []).map((tag) => tag.name).filter((name) => typeof name === "string");
  if (!matchesOrNot(filters.tags, (wanted) => tags.includes(wanted))) return false;
  const orgc = event.Orgc;
  const orgMatches = (wanted: string) =>
    (typeof orgc?.uuid === "string" && orgc.uuid.toLowerCase() === wanted.toLowerCase()) ||
    (typeof orgc?.name === "string" && orgc.name === wanted);
  if (!matchesOrNot(filters.orgs, orgMatches)) return false;
  const { from, to } = filters.date;
  if (from !== undefined || to !== undefined) {
    const date = typeof event.date === "string" ? event.date.slice(0, 10) : undefined;
    if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
    if (from !== undefined && date < from) return false;
    if (to !== undefined && date > to) return false;
  }
  return true;
}

function matchesOrNot(rule: OrNot, matches: (wanted: string) => boolean): boolean {
  if (rule.OR.length > 0 && !rule.OR.some(matches)) return false;
  return !rule.NOT.some(matches);
}
