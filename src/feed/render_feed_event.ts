/**
 * @module
 * One event's part of a feed: its file, manifest entry and hash lines, rendered on its own so a server
 * can rebuild a feed incrementally when one event changes. Steps: the definition's filters on the
 * stored event, the access cut for the audience (`restrictEvent`, the same rules as every output),
 * the feed shape, then kura's canonical JSON (sorted keys, fields before nested models, children by
 * uuid, 2-space indent, UTF-8, trailing newline): the same event always gives the same bytes.
 */
import { type AccessContext, restrictEvent } from "../access/mod.ts";
import {
  canonicalEvent,
  isCanonicalUuid,
  type MispEvent,
  stringifyCanonical,
} from "../model/mod.ts";
import type { FeedDefinition } from "./feed_definition.ts";
import { shapeFeedEvent } from "./feed_event.ts";
import { passesFeedFilters } from "./feed_filters.ts";
import { hashLinesOf } from "./hashes.ts";
import { type ManifestEntry, manifestEntryOf } from "./manifest.ts";
import { sha256Hex } from "./sha256.ts";

/** What rendering needs besides the event and the definition; a `RecordRegistry` fits. */
export interface FeedRenderContext extends AccessContext {
  /**
   * SHA-256 (lower-case hex of the UTF-8 bytes) for `integrity:sha256`; default: the pure one in
   * this folder. Impure callers may pass `node:crypto`'s, about 3× faster on large events.
   */
  readonly sha256Hex?: (text: string) => string;
}

/** One event as a feed serves it. */
export interface RenderedFeedEvent {
  /** The event uuid (lower-case): the file is `<uuid>.json`. */
  readonly uuid: string;
  /** The exact text of `<uuid>.json`. */
  readonly eventJson: string;
  readonly manifestEntry: ManifestEntry;
  /** Its `hashes.csv` lines, without newlines. */
  readonly hashLines: readonly string[];
}

/**
 * Renders `event` for the feed `definition` with this instance's `context` (a `RecordRegistry` fits);
 * undefined when the event is not in the feed at all: filtered out, not visible to the audience,
 * unpublished (for any audience but internal), or missing what a feed entry needs (a lower-case uuid,
 * `Orgc` name and uuid, `info`, `date`, `timestamp`).
 */
export function renderFeedEvent(
  event: MispEvent,
  definition: FeedDefinition,
  context: FeedRenderContext,
): RenderedFeedEvent | undefined {
  if (!isCanonicalUuid(event.uuid)) return undefined;
  if (!passesFeedFilters(event, definition.filters)) return undefined;
  const restricted = restrictEvent(event, definition.audience, context);
  if (restricted === undefined) return undefined;
  const shaped = shapeFeedEvent(restricted, definition);
  const eventJson = stringifyCanonical({ Event: canonicalEvent(shaped) });
  const manifestEntry = manifestEntryOf(shaped, (context.sha256Hex ?? sha256Hex)(eventJson));
  if (manifestEntry === undefined) return undefined;
  return { uuid: event.uuid, eventJson, manifestEntry, hashLines: hashLinesOf(shaped) };
}
