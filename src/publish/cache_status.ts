/**
 * @module
 * What the published feeds report: one render pass (for the log and the metrics), the files that
 * failed, and the state of every feed (for `/status`).
 */
import type { FeedAccess } from "../feed/mod.ts";
import type { Issue } from "../model/mod.ts";
import type { FeedDefinitionFile, RecordRegistry } from "../store/mod.ts";
import type { PublishedFeedStats } from "./published_feed.ts";

/** What one render pass did, for the log and the metrics. */
export interface RenderReport {
  /** `full`: everything read again; `feeds`: some feeds re-rendered; `events`: single events. */
  readonly kind: "full" | "feeds" | "events" | "none";
  readonly at: string;
  readonly durationMs: number;
  /** Event files read. */
  readonly filesRead: number;
  /** Feeds whose content changed. */
  readonly changedFeeds: readonly string[];
  /** Files found invalid in this pass. */
  readonly invalid: readonly InvalidFile[];
  /** Files valid again (or removed) after having been invalid. */
  readonly recovered: readonly string[];
  /** Feed definitions with an error in this pass (their feed is not served). */
  readonly brokenFeeds: readonly FeedDefinitionFile[];
}

/** An event file that failed validation (or rendering). */
export interface InvalidFile {
  /** Absolute path. */
  readonly file: string;
  readonly issues: readonly Issue[];
  /** When it was first found invalid (ISO-8601). */
  readonly since: string;
}

/** One feed in {@link CacheStatus}. */
export interface FeedStatus {
  readonly name: string;
  /** Whether the feed is served (its definition has no error). */
  readonly served: boolean;
  readonly access?: FeedAccess;
  readonly audience?: string;
  /** Problems of the definition (warnings when served, errors when not). */
  readonly issues: readonly Issue[];
  readonly stats?: PublishedFeedStats;
  /** When the feed's content last changed (ISO-8601). */
  readonly updatedAt?: string;
}

/** The state of the published feeds. */
export interface CacheStatus {
  readonly feeds: readonly FeedStatus[];
  /** Event files seen: valid ones and invalid ones. */
  readonly eventFiles: { readonly valid: number; readonly invalid: number };
  /** Invalid event files, with the feeds that still serve their last good version. */
  readonly invalidFiles: readonly (InvalidFile & { readonly lastGoodIn: readonly string[] })[];
  /** Organisation and sharing-group files that could not be used. */
  readonly rejectedRecords: RecordRegistry["rejected"];
  readonly lastRender?: RenderReport;
}

/** A render pass being recorded (a {@link RenderReport} without its kind and duration). */
export interface RenderPass {
  at: string;
  filesRead: number;
  changedFeeds: string[];
  invalid: InvalidFile[];
  recovered: string[];
  brokenFeeds: FeedDefinitionFile[];
}

/** A pass that has done nothing yet, started at `at` (ISO-8601). */
export function emptyPass(at = new Date(0).toISOString()): RenderPass {
  return { at, filesRead: 0, changedFeeds: [], invalid: [], recovered: [], brokenFeeds: [] };
}
