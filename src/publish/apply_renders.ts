/**
 * @module
 * Putting one event's renders into the published feeds, or taking it out of those it is not in. A
 * feed whose renderer failed drops the event (fail closed): nothing half-checked is served.
 */
import { error, type Issue } from "../model/mod.ts";
import { type FeedArtefact, JSON_TYPE } from "./feed_artefact.ts";
import type { PublishedFeed } from "./published_feed.ts";
import type { FeedRender } from "./render_file.ts";

/**
 * Puts an event's renders into `feeds` (same order), or takes it out of those it is not in. A feed
 * whose renderer failed drops the event (fail closed); the failures are returned as issues.
 */
export function applyRenders(
  feeds: readonly PublishedFeed[],
  uuid: string,
  renders: readonly FeedRender[],
): Issue[] {
  const failures: Issue[] = [];
  const shared = new Map<Uint8Array, FeedArtefact>();
  feeds.forEach((feed, index) => {
    const render = renders[index];
    if (render === null || render === undefined) {
      feed.remove(uuid);
      return;
    }
    if ("error" in render) {
      feed.remove(uuid);
      failures.push(
        error(
          "feed.render",
          "",
          `Rendering for feed "${feed.name}" failed: ${render.error}; left out of it`,
        ),
      );
      return;
    }
    let file = shared.get(render.file);
    if (file === undefined) {
      file = {
        contentType: JSON_TYPE,
        parts: [render.file],
        byteLength: render.file.length,
        sha256: render.sha256,
      };
      shared.set(render.file, file);
    }
    feed.putParts(render, file);
  });
  return failures;
}
