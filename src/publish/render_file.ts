/**
 * @module
 * One event file through every feed: read and validated (`loadEventFile`), then rendered for each
 * feed definition into parts ready to serve. The same function runs in render threads during a full
 * render and in the main thread for single changes, so both give the same bytes.
 */
import { createHash } from "node:crypto";
import type { AccessContext } from "../access/mod.ts";
import { type FeedDefinition, type FeedRenderContext, renderFeedEvent } from "../feed/mod.ts";
import type { Issue, MispEvent } from "../model/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import { loadEventFile } from "./load_event_file.ts";
import { partsOf, type RenderedParts } from "./rendered_parts.ts";

/** What rendering needs besides the file; plain data, so it can be sent to a render thread. */
export interface RenderSettings {
  /** The feeds to render for, in the order of {@link FileResult.renders}. */
  readonly definitions: readonly FeedDefinition[];
  readonly context: AccessContext;
  /** Largest event file read, in bytes. */
  readonly maxBytes: number;
  /** Real path of the data folder: files (after symlinks) must lie inside it. */
  readonly confineTo?: string;
  /** Current time in epoch seconds, for the future-timestamp rule. */
  readonly now: number;
}

/** One feed's outcome for an event: its parts, null when the event is not in the feed, or a failure. */
export type FeedRender = RenderedParts | null | { readonly error: string };

/** An event file through every feed. */
export interface FileResult {
  readonly path: string;
  /** The uuid the file name stands for, when it is `<uuid>.json`. */
  readonly uuid?: string;
  /** The file does not exist (any more). */
  readonly missing: boolean;
  /** The issues of an invalid file; empty for a valid one (its warnings are not kept). */
  readonly issues: readonly Issue[];
  /** Per definition, when the file is valid. */
  readonly renders?: readonly FeedRender[];
}

/** Reads, validates and renders `path` for every definition of `settings`. Never throws. */
export async function renderFile(
  path: string,
  settings: RenderSettings,
  checks: readonly EventCheck[],
): Promise<FileResult> {
  const verdict = await loadEventFile(path, {
    maxBytes: settings.maxBytes,
    confineTo: settings.confineTo,
    checks,
    now: settings.now,
  });
  const { uuid, missing } = verdict;
  if (!verdict.event) return { path, uuid, missing, issues: missing ? [] : verdict.issues };
  return { path, uuid, missing, issues: [], renders: renderEvent(verdict.event, settings) };
}

/** Renders a valid event for every definition; identical files share one byte array. */
export function renderEvent(event: MispEvent, settings: RenderSettings): FeedRender[] {
  const shared = new Map<string, Uint8Array>();
  // node:crypto hashes the event files (`integrity:sha256`) several times faster than the pure one.
  const context: FeedRenderContext = { ...settings.context, sha256Hex };
  return settings.definitions.map((definition) => {
    try {
      const rendered = renderFeedEvent(event, definition, context);
      return rendered === undefined ? null : partsOf(rendered, shared);
    } catch (cause) {
      return { error: cause instanceof Error ? cause.message : String(cause) };
    }
  });
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
