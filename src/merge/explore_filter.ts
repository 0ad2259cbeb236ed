/**
 * @module
 * Browsing a peer's manifest before pulling (MISP's "Explore remote events", misp-behaviour.md §2.8):
 * filters on creator org, tag, date range and text in `info`, newest first, paged (60 a page, as
 * MISP's preview index).
 */
import type { ManifestEntry } from "./manifest.ts";

/** Filters of {@link exploreManifest}; every one optional. */
export interface ExploreFilters {
  /** Creator org: uuid, or a case-insensitive part of its name. */
  readonly org?: string;
  /** A tag name: exact, or a case-insensitive part of one. */
  readonly tag?: string;
  /** Event date from (YYYY-MM-DD, inclusive). */
  readonly since?: string;
  /** Event date until (YYYY-MM-DD, inclusive). */
  readonly until?: string;
  /** Case-insensitive text in `info`. */
  readonly text?: string;
  /** Page number from 1 (default 1). */
  readonly page?: number;
  /** Entries a page (default 60). */
  readonly limit?: number;
}

/** One page of matching entries and the total count. */
export interface ExplorePage {
  readonly entries: ManifestEntry[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

/** Filters, sorts (newest timestamp first) and pages `entries`. */
export function exploreManifest(
  entries: readonly ManifestEntry[],
  filters: ExploreFilters = {},
): ExplorePage {
  const lower = (text: string | undefined) => text?.toLowerCase();
  const org = lower(filters.org);
  const tag = lower(filters.tag);
  const text = lower(filters.text);
  const matching = entries.filter((entry) => {
    if (org && entry.orgc.uuid !== org && !lower(entry.orgc.name)?.includes(org)) return false;
    if (
      tag && !entry.tags.some((name) => name === filters.tag || name.toLowerCase().includes(tag))
    ) {
      return false;
    }
    if (filters.since && entry.date < filters.since) return false;
    if (filters.until && entry.date > filters.until) return false;
    if (text && !entry.info.toLowerCase().includes(text)) return false;
    return true;
  }).sort((a, b) => b.timestamp - a.timestamp || (a.uuid < b.uuid ? -1 : 1));
  const limit = Math.max(1, filters.limit ?? 60);
  const pages = Math.max(1, Math.ceil(matching.length / limit));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  return {
    entries: matching.slice((page - 1) * limit, page * limit),
    total: matching.length,
    page,
    pages,
  };
}
