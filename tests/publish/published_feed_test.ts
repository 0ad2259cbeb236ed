import { deepEqual, equal, ok } from "node:assert/strict";
import fc from "fast-check";
import {
  type FeedDefinition,
  formatHashes,
  formatManifest,
  parseFeedDefinition,
  type RenderedFeedEvent,
  renderFeedEvent,
} from "../../src/feed/mod.ts";
import { PublishedFeed } from "../../src/publish/mod.ts";
import { sampleEvent, TEST_ORG, uuidN } from "../support/sample_events.ts";
import { textOf } from "../support/feed_folders.ts";

const definition: FeedDefinition = parseFeedDefinition(
  { audience: "public", access: "public" },
  "public",
).definition!;
const context = { sharingGroups: new Map(), hostOrg: TEST_ORG.uuid };

function rendered(n: number, info: string, attributes = 2): RenderedFeedEvent {
  const event = sampleEvent({ uuid: uuidN(n), info }, attributes);
  return renderFeedEvent(event, definition, context)!;
}

Deno.test("PublishedFeed starts empty: an empty manifest, empty hashes, no events", () => {
  const feed = new PublishedFeed(definition);
  equal(textOf(feed.manifest()), formatManifest([]));
  equal(textOf(feed.hashes()), "");
  equal(feed.event(uuidN(1)), undefined);
});

Deno.test("PublishedFeed.event() serves the rendered file with its integrity hash", () => {
  const feed = new PublishedFeed(definition);
  const event = rendered(1, "one");
  feed.put(event);
  equal(textOf(feed.event(uuidN(1))), event.eventJson);
  equal(feed.event(uuidN(1))?.sha256, event.manifestEntry["integrity:sha256"]);
});

Deno.test("PublishedFeed.put() reports no change and keeps the same file when the rendering is the same", () => {
  const feed = new PublishedFeed(definition);
  ok(feed.put(rendered(1, "one")));
  const file = feed.event(uuidN(1));
  const manifest = feed.manifest();
  equal(feed.put(rendered(1, "one")), false);
  equal(feed.event(uuidN(1)), file);
  equal(feed.manifest(), manifest);
});

Deno.test("PublishedFeed keeps manifest.json and hashes.csv byte-identical to formatManifest and formatHashes after any puts and removals", () => {
  const op = fc.oneof(
    fc.record({
      put: fc.integer({ min: 1, max: 12 }),
      info: fc.string({ maxLength: 8 }),
      attributes: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({ remove: fc.integer({ min: 1, max: 12 }) }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const feed = new PublishedFeed(definition);
      const model = new Map<string, RenderedFeedEvent>();
      for (const step of ops) {
        if ("put" in step) {
          const event = rendered(step.put, `event ${step.info}`, step.attributes);
          feed.put(event);
          model.set(event.uuid, event);
        } else {
          equal(feed.remove(uuidN(step.remove)), model.delete(uuidN(step.remove)));
        }
        if (ops.indexOf(step) % 3 === 0) feed.commit(); // interleave re-assembly with changes
      }
      const entries = [...model.values()].map((event) =>
        [event.uuid, event.manifestEntry] as const
      );
      equal(textOf(feed.manifest()), formatManifest(entries));
      equal(textOf(feed.hashes()), formatHashes(model.values()));
      deepEqual(
        [...feed.entries()].map(([name, file]) => [name, textOf(file)]),
        [...model.values()].sort((a, b) => (a.uuid < b.uuid ? -1 : 1)).map((
          event,
        ) => [`${event.uuid}.json`, event.eventJson]),
      );
      const stats = feed.stats();
      equal(stats.events, model.size);
      equal(stats.hashesBytes, feed.hashes().byteLength);
    }),
    { numRuns: 150 },
  );
});

Deno.test("PublishedFeed.hashes() shares the per-event chunks instead of copying them", () => {
  const feed = new PublishedFeed(definition);
  feed.put(rendered(1, "one"));
  feed.put(rendered(2, "two"));
  const before = feed.hashes().parts;
  feed.put(rendered(2, "two, edited", 3));
  const after = feed.hashes().parts;
  equal(after.length, 2);
  equal(after[0], before[0], "the unchanged event's chunk is reused");
  ok(after[1] !== before[1]);
});
