/**
 * @module
 * The metrics of the published feeds: sizes and counts read from their status at each scrape, and
 * render durations observed as they happen. Names are listed in the README ("Metrics").
 */
import type { RenderReport } from "../publish/mod.ts";
import type { FeedSource } from "./feed_source.ts";
import type { MetricsRegistry } from "./metrics.ts";

/** Registers the feed gauges, read from `feeds` at each scrape. */
export function registerFeedMetrics(metrics: MetricsRegistry, feeds: FeedSource): void {
  const served = metrics.gauge("kura_feed_served", "Whether the feed is served (1) or broken (0)");
  const events = metrics.gauge("kura_feed_events", "Events in the feed");
  const bytes = metrics.gauge(
    "kura_feed_bytes",
    "Size of the feed's files in bytes, by file (events, manifest, hashes), uncompressed",
  );
  const files = metrics.gauge("kura_event_files", "Event files in the data folder, by state");
  const rejected = metrics.gauge(
    "kura_rejected_records",
    "Organisation and sharing-group files that could not be used",
  );
  const lastRender = metrics.gauge(
    "kura_last_render_timestamp_seconds",
    "When the feeds were last rendered (Unix time)",
  );
  metrics.onCollect(() => {
    const status = feeds.status();
    for (const gauge of [served, events, bytes]) gauge.reset();
    for (const feed of status.feeds) {
      served.set({ feed: feed.name }, feed.served ? 1 : 0);
      if (!feed.stats) continue;
      events.set({ feed: feed.name }, feed.stats.events);
      bytes.set({ feed: feed.name, file: "events" }, feed.stats.eventBytes);
      bytes.set({ feed: feed.name, file: "manifest" }, feed.stats.manifestBytes);
      bytes.set({ feed: feed.name, file: "hashes" }, feed.stats.hashesBytes);
    }
    files.set({ state: "valid" }, status.eventFiles.valid);
    files.set({ state: "invalid" }, status.eventFiles.invalid);
    rejected.set({}, status.rejectedRecords.length);
    if (status.lastRender) lastRender.set({}, Date.parse(status.lastRender.at) / 1000);
  });
}

/** Records one render pass (`kura_render_duration_seconds{kind}`). */
export function observeRender(metrics: MetricsRegistry, report: RenderReport): void {
  if (report.kind === "none") return;
  metrics.histogram(
    "kura_render_duration_seconds",
    "Time to bring the feeds up to date, by kind of pass (full, feeds, events)",
  ).observe({ kind: report.kind }, report.durationMs / 1000);
}
