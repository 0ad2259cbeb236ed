/**
 * @module
 * MISP feeds, pure: feed definitions (parse and check), and rendering of events into feed artefacts —
 * `<uuid>.json` event files, `manifest.json` entries and `hashes.csv` lines — one event at a time for
 * incremental servers, or a whole feed at once. Access decisions come from `access/`.
 */
export * from "./feed_definition.ts";
export * from "./check_feed_definition.ts";
export * from "./feed_filters.ts";
export * from "./feed_event.ts";
export * from "./manifest.ts";
export * from "./hashes.ts";
export * from "./md5.ts";
export * from "./sha256.ts";
export * from "./render_feed_event.ts";
export * from "./render_feed.ts";
export * from "./manifest_signature.ts";
