import { deepEqual, equal, ok } from "node:assert/strict";
import { parseFeedDefinition } from "../../src/feed/mod.ts";
import { formatEventDocument } from "../../src/model/mod.ts";
import { renderEvent, renderFile, type RenderSettings } from "../../src/publish/mod.ts";
import { sampleEvent, tempDir, TEST_ORG, uuidN } from "../support/sample_events.ts";

const settings: RenderSettings = {
  definitions: [
    parseFeedDefinition({ audience: "public", access: "public" }, "a").definition!,
    parseFeedDefinition({ audience: "public", access: "public" }, "b").definition!,
    parseFeedDefinition({ audience: "internal" }, "c").definition!,
  ],
  context: { sharingGroups: new Map(), hostOrg: TEST_ORG.uuid },
  maxBytes: 1 << 20,
  now: 1_800_000_000,
};

Deno.test("renderFile() renders a valid file for every definition, sharing identical files", async () => {
  await using dir = await tempDir();
  const path = `${dir.path}/${uuidN(1)}.json`;
  await Deno.writeTextFile(path, formatEventDocument(sampleEvent({ uuid: uuidN(1) })));
  const result = await renderFile(path, settings, []);
  equal(result.uuid, uuidN(1));
  deepEqual(result.issues, []);
  const [a, b, c] = result.renders as readonly { file: Uint8Array }[];
  equal(a!.file, b!.file);
  ok(c!.file);
});

Deno.test("renderFile() gives null for a feed the event is not in", async () => {
  await using dir = await tempDir();
  const path = `${dir.path}/${uuidN(1)}.json`;
  await Deno.writeTextFile(
    path,
    formatEventDocument(sampleEvent({ uuid: uuidN(1), distribution: "0" })),
  );
  const result = await renderFile(path, settings, []);
  equal(result.renders?.[0], null);
  ok(result.renders?.[2]);
});

Deno.test("renderFile() returns the issues and no renders for an invalid file, and marks a missing one", async () => {
  await using dir = await tempDir();
  const path = `${dir.path}/${uuidN(1)}.json`;
  await Deno.writeTextFile(path, "[]");
  const invalid = await renderFile(path, settings, []);
  equal(invalid.renders, undefined);
  ok(invalid.issues.length > 0);
  const missing = await renderFile(`${dir.path}/${uuidN(2)}.json`, settings, []);
  deepEqual([missing.missing, missing.issues, missing.renders], [true, [], undefined]);
});

Deno.test("renderEvent() turns a throwing renderer into a failure for that feed only", () => {
  const [first, ...others] = settings.definitions;
  const broken = {
    ...first!,
    get filters(): never {
      throw new Error("broken definition");
    },
  };
  const renders = renderEvent(sampleEvent({ uuid: uuidN(1) }), {
    ...settings,
    definitions: [broken, ...others],
  });
  deepEqual(renders[0], { error: "broken definition" });
  ok(renders.slice(1).every((render) => render !== null && "file" in render));
});
