/**
 * @module
 * A whole feed at once, for `kura export` and tests: every event rendered, then the manifest and the
 * hashes assembled. A server that updates one event at a time uses `renderFeedEvent`,
 * `formatManifest` and `formatHashes` directly.
 */
import type { MispEvent } from "../model/mod.ts";
import type { FeedDefinition } from "./feed_definition.ts";
import { formatHashes } from "./hashes.ts";
import { formatManifest } from "./manifest.ts";
import {
  type FeedRenderContext,
  type RenderedFeedEvent,
  renderFeedEvent,
} from "./render_feed_event.ts";

/** A rendered feed. */
export interface RenderedFeed {
  /** The events in the feed, sorted by uuid. */
  readonly events: readonly RenderedFeedEvent[];
  /** The text of `manifest.json`. */
  readonly manifest: string;
  /** The text of `hashes.csv`. */
  readonly hashes: string;
}

/**
 * Renders every event of `events` that belongs in the feed. When two events share a uuid, the one
 * with the newer `timestamp` is kept (then the greater file text), so the result never depends on
 * the order of `events`.
 */
export function renderFeed(
  events: Iterable<MispEvent>,
  definition: FeedDefinition,
  context: FeedRenderContext,
): RenderedFeed {
  const byUuid = new Map<string, RenderedFeedEvent>();
  for (const event of events) {
    const rendered = renderFeedEvent(event, definition, context);
    if (rendered === undefined) continue;
    const known = byUuid.get(rendered.uuid);
    if (known === undefined || isNewer(rendered, known)) byUuid.set(rendered.uuid, rendered);
  }
  const sorted = [...byUuid.values()].sort((a, b) => (a.uuid < b.uuid ? -1 : 1));
  return {
    events: sorted,
    manifest: formatManifest(sorted.map((event) => [event.uuid, event.manifestEntry] as const)),
    hashes: formatHashes(sorted),
  };
}

/** The files of a rendered feed by name: `<uuid>.json` for each event, `manifest.json`, `hashes.csv`. */
export function* feedFiles(feed: RenderedFeed): Generator<[string, string]> {
  for (const event of feed.events) yield [`${event.uuid}.json`, event.eventJson];
  yield ["manifest.json", feed.manifest];
  yield ["hashes.csv", feed.hashes];
}

function isNewer(candidate: RenderedFeedEvent, known: RenderedFeedEvent): boolean {
  const a = Number(candidate.manifestEntry.timestamp);
  const b = Number(known.manifestEntry.timestamp);
  if (a !== b) return a > b;
  return candidate.eventJson > known.eventJson;
}
