import { deepEqual, equal, ok } from "node:assert/strict";
import { loadFeedDefinition, loadFeedDefinitions, servedFeeds } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";
import { contextWith, groupN, sampleGroup } from "../support/sharing_groups.ts";

async function writeFeeds(dir: string, files: Record<string, string>): Promise<void> {
  await Deno.mkdir(`${dir}/feeds`, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/feeds/${name}`, text);
  }
}

Deno.test("loadFeedDefinitions() reports broken definitions and keeps serving the others", async () => {
  await using dir = await tempDir();
  await writeFeeds(dir.path, {
    "public.json": JSON.stringify({ audience: "public", access: "public" }),
    "broken.json": "{ not json",
    "leaky.json": JSON.stringify({ audience: "internal", access: "public" }),
    "Bad Name.json": JSON.stringify({ audience: "public" }),
    "notes.txt": "ignored",
    ".hidden.json": "ignored",
  });
  const files = await loadFeedDefinitions(`${dir.path}/feeds`);
  deepEqual(files.map((f) => [f.name, f.definition !== undefined]), [
    ["Bad Name", false],
    ["broken", false],
    ["leaky", false],
    ["public", true],
  ]);
  ok(files[1]!.issues[0]!.message.includes("Not valid JSON"));
  equal(files[2]!.issues[0]!.code, "feed.access.public");
  deepEqual([...servedFeeds(files).keys()], ["public"]);
});

Deno.test("loadFeedDefinitions() checks definitions against this instance's sharing groups", async () => {
  await using dir = await tempDir();
  await writeFeeds(dir.path, {
    "known.json": JSON.stringify({ audience: { sharingGroup: groupN(1) } }),
    "unknown.json": JSON.stringify({ audience: { sharingGroup: groupN(2) } }),
  });
  const files = await loadFeedDefinitions(`${dir.path}/feeds`, {
    context: contextWith(sampleGroup(1, [1, 2])),
  });
  deepEqual([...servedFeeds(files).keys()], ["known"]);
  equal(files[1]!.issues[0]!.code, "feed.audience.sharing_group.unknown");
});

Deno.test("loadFeedDefinitions() has no feeds when the folder is missing", async () => {
  await using dir = await tempDir();
  deepEqual(await loadFeedDefinitions(`${dir.path}/nowhere`), []);
});

Deno.test("loadFeedDefinition() reports a missing or oversized file without throwing", async () => {
  await using dir = await tempDir();
  await writeFeeds(dir.path, {
    "big.json": JSON.stringify({ audience: "public", description: "x".repeat(2000) }),
  });
  const missing = await loadFeedDefinition(`${dir.path}/feeds/gone.json`);
  equal(missing.name, "gone");
  equal(missing.issues[0]!.code, "file.unreadable");
  const big = await loadFeedDefinition(`${dir.path}/feeds/big.json`, { maxBytes: 1024 });
  equal(big.issues[0]!.code, "file.size");
});
