import { deepEqual, equal, match, notEqual, ok } from "node:assert/strict";
import { renderFeed } from "../../src/feed/mod.ts";
import { formatEventDocument, type MispEvent } from "../../src/model/mod.ts";
import { FeedCache } from "../../src/publish/mod.ts";
import { loadFeedDefinitions, loadRecordRegistry } from "../../src/store/mod.ts";
import { sampleAttribute, sampleEvent, TEST_ORG, uuidN } from "../support/sample_events.ts";
import {
  type FeedFolders,
  feedFolders,
  INTERNAL_FEED,
  PUBLIC_FEED,
  textOf,
} from "../support/feed_folders.ts";

const NOW = () => new Date("2026-01-01T00:00:00Z");

function open(folders: FeedFolders): Promise<FeedCache> {
  return FeedCache.open({ data: folders.data, feeds: folders.feeds, now: NOW });
}

/** What the feed module renders for the whole folder: the reference the cache must match. */
async function expectedFeed(folders: FeedFolders, name: string, events: MispEvent[]) {
  const registry = await loadRecordRegistry(folders.data);
  const files = await loadFeedDefinitions(folders.feeds, { context: registry });
  const definition = files.find((file) => file.name === name)!.definition!;
  return renderFeed(events, definition, registry);
}

async function assertServes(
  cache: FeedCache,
  folders: FeedFolders,
  name: string,
  events: MispEvent[],
) {
  const expected = await expectedFeed(folders, name, events);
  const feed = cache.feed(name)!;
  equal(textOf(feed.manifest()), expected.manifest);
  equal(textOf(feed.hashes()), expected.hashes);
  deepEqual(
    [...feed.entries()].map(([file, artefact]) => [file, textOf(artefact)]),
    expected.events.map((event) => [`${event.uuid}.json`, event.eventJson]),
  );
}

const internalOnly = (n: number) => sampleEvent({ uuid: uuidN(n), distribution: "0" });
const shared = (n: number, info = `Event ${n}`) => sampleEvent({ uuid: uuidN(n), info });

Deno.test("FeedCache.open() renders every feed exactly as the feed module renders it", async () => {
  await using folders = await feedFolders({ public: PUBLIC_FEED, internal: INTERNAL_FEED });
  const events = [shared(1), shared(2), internalOnly(3)];
  for (const event of events) await folders.writeEvent(event);
  const cache = await open(folders);
  await assertServes(cache, folders, "public", events);
  await assertServes(cache, folders, "internal", events);
  equal(cache.feed("public")!.stats().events, 2);
  equal(cache.feed("internal")!.stats().events, 3);
  deepEqual(cache.status().eventFiles, { valid: 3, invalid: 0 });
});

Deno.test("FeedCache.apply() re-renders only the edited event and re-assembles the manifest and hashes", async () => {
  await using folders = await feedFolders();
  await folders.writeEvent(shared(1));
  await folders.writeEvent(shared(2));
  const cache = await open(folders);
  const untouched = cache.feed("public")!.event(uuidN(1));
  const edited = shared(2, "Edited");
  edited.timestamp = "1700000100";
  edited.Attribute!.push(sampleAttribute(9, { value: "198.51.100.9" }));
  const path = await folders.writeEvent(edited);
  const report = await cache.apply([path]);
  equal(report.kind, "events");
  equal(report.filesRead, 1);
  deepEqual(report.changedFeeds, ["public"]);
  equal(cache.feed("public")!.event(uuidN(1)), untouched, "the other event is not re-rendered");
  await assertServes(cache, folders, "public", [shared(1), edited]);
});

Deno.test("FeedCache.apply() takes an event out of a feed as soon as its audience may no longer see it", async () => {
  await using folders = await feedFolders({ public: PUBLIC_FEED, internal: INTERNAL_FEED });
  await folders.writeEvent(shared(1));
  const cache = await open(folders);
  ok(cache.feed("public")!.has(uuidN(1)));
  const path = await folders.writeEvent(internalOnly(1));
  const report = await cache.apply([path]);
  equal(cache.feed("public")!.has(uuidN(1)), false);
  equal(textOf(cache.feed("public")!.manifest()), "{}\n");
  equal(textOf(cache.feed("public")!.hashes()), "");
  ok(cache.feed("internal")!.has(uuidN(1)));
  deepEqual([...report.changedFeeds].sort(), ["internal", "public"]);
});

Deno.test("FeedCache.apply() keeps the last good version of an event whose edit fails validation, and reports the file", async () => {
  await using folders = await feedFolders();
  const path = await folders.writeEvent(shared(1, "Good"));
  const cache = await open(folders);
  const good = textOf(cache.feed("public")!.event(uuidN(1)));
  const broken = shared(1, "Broken");
  broken.Attribute = [sampleAttribute(1, { type: "not-a-type" })];
  await Deno.writeTextFile(path, formatEventDocument(broken));
  const report = await cache.apply([path]);
  equal(textOf(cache.feed("public")!.event(uuidN(1))), good);
  deepEqual(report.changedFeeds, []);
  equal(report.invalid.length, 1);
  const status = cache.status();
  equal(status.invalidFiles.length, 1);
  equal(status.invalidFiles[0]!.file, path);
  deepEqual(status.invalidFiles[0]!.lastGoodIn, ["public"]);
  ok(status.invalidFiles[0]!.issues.some((issue) => issue.code === "attribute.type.unknown"));
  equal(status.invalidFiles[0]!.since, NOW().toISOString());
  deepEqual(status.eventFiles, { valid: 0, invalid: 1 });

  await Deno.writeTextFile(path, "{ not json");
  await cache.apply([path]);
  equal(textOf(cache.feed("public")!.event(uuidN(1))), good, "still the last good version");

  const fixed = shared(1, "Fixed");
  fixed.timestamp = "1700000200";
  await folders.writeEvent(fixed);
  const again = await cache.apply([path]);
  deepEqual(again.recovered, [path]);
  deepEqual(cache.status().invalidFiles, []);
  match(textOf(cache.feed("public")!.event(uuidN(1))), /"Fixed"/);
});

Deno.test("FeedCache.apply() removes a deleted event from every feed and forgets its failures", async () => {
  await using folders = await feedFolders({ public: PUBLIC_FEED, internal: INTERNAL_FEED });
  const path = await folders.writeEvent(shared(1));
  await folders.writeEvent(shared(2));
  const bad = await folders.writeEventText("not-a-uuid.json", "{}");
  const cache = await open(folders);
  equal(cache.status().invalidFiles.length, 1);
  await Deno.remove(path);
  await Deno.remove(bad);
  const report = await cache.apply([path, bad]);
  equal(cache.feed("public")!.has(uuidN(1)), false);
  equal(cache.feed("internal")!.has(uuidN(1)), false);
  ok(cache.feed("public")!.has(uuidN(2)));
  deepEqual(report.recovered, [bad]);
  deepEqual(cache.status().invalidFiles, []);
});

Deno.test("FeedCache.open() serves no version of a file that is invalid at start-up, and reports it", async () => {
  await using folders = await feedFolders();
  const broken = shared(1);
  broken.Attribute = [sampleAttribute(1, { type: "not-a-type" })];
  await folders.writeEvent(broken);
  await folders.writeEvent(shared(2));
  const cache = await open(folders);
  equal(cache.feed("public")!.has(uuidN(1)), false);
  ok(cache.feed("public")!.has(uuidN(2)));
  deepEqual(cache.status().invalidFiles.map((file) => file.lastGoodIn), [[]]);
});

Deno.test("FeedCache reports a broken feed definition, does not serve it, and keeps serving the others", async () => {
  await using folders = await feedFolders({
    public: PUBLIC_FEED,
    broken: { audience: "public", acess: "public" },
    leaky: { audience: "internal", access: "public" },
    truncated: "{",
  });
  await folders.writeEvent(shared(1));
  const cache = await open(folders);
  ok(cache.feed("public"));
  for (const name of ["broken", "leaky", "truncated"]) {
    equal(cache.feed(name), undefined, name);
    const status = cache.status().feeds.find((feed) => feed.name === name)!;
    equal(status.served, false);
    ok(status.issues.some((issue) => issue.severity === "error"), name);
  }
  const path = await folders.writeFeed("broken", PUBLIC_FEED);
  const report = await cache.apply([path]);
  equal(report.kind, "feeds");
  ok(cache.feed("broken")?.has(uuidN(1)));
});

Deno.test("FeedCache.apply() re-renders a feed whose definition changed, and only that feed", async () => {
  await using folders = await feedFolders({ public: PUBLIC_FEED, internal: INTERNAL_FEED });
  await folders.writeEvent(shared(1));
  await folders.writeEvent(internalOnly(2));
  const cache = await open(folders);
  const internalManifest = cache.feed("internal")!.manifest();
  const path = await folders.writeFeed("public", {
    ...PUBLIC_FEED,
    filters: { tags: { NOT: ["tlp:green"] } },
  });
  const report = await cache.apply([path]);
  deepEqual(report.changedFeeds, ["public"]);
  equal(cache.feed("public")!.stats().events, 0);
  equal(cache.feed("internal")!.manifest(), internalManifest);

  await Deno.remove(path);
  await cache.apply([path]);
  equal(cache.feed("public"), undefined);
  equal(cache.status().feeds.some((feed) => feed.name === "public"), false);
});

Deno.test("FeedCache.apply() withdraws the last good version of an invalid file from a feed re-rendered for a new definition", async () => {
  await using folders = await feedFolders({ public: PUBLIC_FEED, internal: INTERNAL_FEED });
  const path = await folders.writeEvent(shared(1));
  const cache = await open(folders);
  await Deno.writeTextFile(path, "[]");
  await cache.apply([path]);
  ok(cache.feed("public")!.has(uuidN(1)));
  await cache.apply([await folders.writeFeed("public", { ...PUBLIC_FEED, description: "new" })]);
  equal(cache.feed("public")!.has(uuidN(1)), false);
  ok(cache.feed("internal")!.has(uuidN(1)), "the unchanged feed keeps it");
  deepEqual(cache.status().invalidFiles[0]!.lastGoodIn, ["internal"]);
});

Deno.test("FeedCache.apply() renders everything again when an organisation or sharing group changes", async () => {
  await using folders = await feedFolders();
  await folders.writeEvent(shared(1));
  const cache = await open(folders);
  const org = folders.path(`data/orgs/${TEST_ORG.uuid}.json`);
  const report = await cache.apply([org]);
  equal(report.kind, "full");
  equal(report.filesRead, 1);
  ok(cache.feed("public")!.has(uuidN(1)));
  notEqual(cache.status().lastRender, undefined);
});

Deno.test("FeedCache.apply() does nothing for paths no feed depends on", async () => {
  await using folders = await feedFolders();
  const cache = await open(folders);
  const report = await cache.apply([folders.path("data/proposals/x.json"), folders.path("README")]);
  equal(report.kind, "none");
  equal(report.filesRead, 0);
});

Deno.test("FeedCache shares one file between feeds that render an event identically", async () => {
  await using folders = await feedFolders({ a: PUBLIC_FEED, b: PUBLIC_FEED });
  await folders.writeEvent(shared(1));
  const cache = await open(folders);
  equal(cache.feed("a")!.event(uuidN(1)), cache.feed("b")!.event(uuidN(1)));
});

Deno.test("FeedCache.open() on render threads serves exactly what one thread serves", async () => {
  await using folders = await feedFolders({ public: PUBLIC_FEED, internal: INTERNAL_FEED });
  for (let n = 1; n <= 30; n++) {
    await folders.writeEvent(n % 4 === 0 ? internalOnly(n) : shared(n));
  }
  await folders.writeEventText(`${uuidN(99)}.json`, "{");
  const one = await FeedCache.open({ data: folders.data, feeds: folders.feeds, threads: 1 });
  const two = await FeedCache.open({ data: folders.data, feeds: folders.feeds, threads: 2 });
  for (const name of ["public", "internal"]) {
    deepEqual(
      [...two.files(name)].map(([file, artefact]) => [file, textOf(artefact)]),
      [...one.files(name)].map(([file, artefact]) => [file, textOf(artefact)]),
    );
  }
  deepEqual(two.status().eventFiles, { valid: 30, invalid: 1 });
});

Deno.test("FeedCache runs the checks of its check source, on every thread and for single changes", async () => {
  await using folders = await feedFolders();
  await folders.writeEvent(shared(1, "fine"));
  await folders.writeEvent(shared(2, "classified"));
  const checks = {
    module: new URL("../support/refusing_checks.ts", import.meta.url).href,
    name: "refuseInfoContaining",
    args: ["classified"],
  };
  for (const threads of [1, 2]) {
    const cache = await FeedCache.open({
      data: folders.data,
      feeds: folders.feeds,
      checks,
      threads,
    });
    ok(cache.feed("public")!.has(uuidN(1)));
    equal(cache.feed("public")!.has(uuidN(2)), false, `threads: ${threads}`);
    const path = await folders.writeEvent(shared(1, "now classified"));
    await cache.apply([path]);
    match(textOf(cache.feed("public")!.event(uuidN(1))), /"fine"/, "the last good version stays");
    await folders.writeEvent(shared(1, "fine"));
  }
});
