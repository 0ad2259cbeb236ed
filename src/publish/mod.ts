/**
 * @module
 * Publishing: the served feeds rendered in memory and kept current from changed paths, with the
 * status of every feed and of the files that failed validation.
 */
export * from "./feed_artefact.ts";
export * from "./published_feed.ts";
export * from "./change_kind.ts";
export * from "./load_event_file.ts";
export * from "./cache_status.ts";
export * from "./feed_cache.ts";
export * from "./apply_renders.ts";
export * from "./rendered_parts.ts";
export * from "./check_source.ts";
export * from "./render_file.ts";
export * from "./render_files.ts";
