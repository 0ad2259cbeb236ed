import { deepEqual, equal, ok } from "node:assert/strict";
import { parseFeedDefinition } from "../../src/feed/mod.ts";
import { formatEventDocument } from "../../src/model/mod.ts";
import {
  buildChecks,
  type FileResult,
  renderFiles,
  type RenderSettings,
} from "../../src/publish/mod.ts";
import { REFUSING_CHECKS } from "../support/refusing_checks.ts";
import { sampleEvent, tempDir, TEST_ORG, uuidN } from "../support/sample_events.ts";

const settings: RenderSettings = {
  definitions: [
    parseFeedDefinition({ audience: "public", access: "public" }, "public").definition!,
    parseFeedDefinition({ audience: "internal" }, "internal").definition!,
  ],
  context: { sharingGroups: new Map(), hostOrg: TEST_ORG.uuid },
  maxBytes: 1 << 20,
  now: 1_800_000_000,
};
const checkSource = { module: REFUSING_CHECKS, name: "refuseInfoContaining", args: ["refused"] };

async function writeFiles(dir: string): Promise<string[]> {
  const paths: string[] = [];
  for (let n = 1; n <= 40; n++) {
    const path = `${dir}/${uuidN(n)}.json`;
    const event = sampleEvent({
      uuid: uuidN(n),
      info: n % 7 === 0 ? "refused by the check" : `Event ${n}`,
      distribution: n % 3 === 0 ? "0" : "3",
    }, n % 5);
    await Deno.writeTextFile(path, n % 11 === 0 ? "{ broken" : formatEventDocument(event));
    paths.push(path);
  }
  return paths;
}

function comparable(results: FileResult[]) {
  const decoder = new TextDecoder();
  return results.sort((a, b) => (a.path < b.path ? -1 : 1)).map((result) => ({
    ...result,
    renders: result.renders?.map((render) =>
      render === null || "error" in render ? render : {
        ...render,
        file: decoder.decode(render.file),
        hashChunk: decoder.decode(render.hashChunk),
      }
    ),
  }));
}

async function collect(iterable: AsyncIterable<FileResult>): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for await (const result of iterable) results.push(result);
  return results;
}

Deno.test("renderFiles() on render threads gives exactly what this thread gives, checks included", async () => {
  await using dir = await tempDir();
  const paths = await writeFiles(dir.path);
  const checks = await buildChecks(checkSource);
  const here = await collect(renderFiles(paths, settings, { threads: 1, checks }));
  const threads = await collect(
    renderFiles(paths, settings, { threads: 2, checks, checkSource }),
  );
  equal(threads.length, paths.length);
  deepEqual(comparable(threads), comparable(here));
  const refused = here.filter((result) => result.issues.some((i) => i.code === "test.refused"));
  equal(refused.length, 5, "events 7, 14, 21, 28 and 35");
  ok(here.some((result) => result.issues.some((issue) => issue.code === "file.json")));
});

Deno.test("renderFiles() fails when a render thread cannot build its checks", async () => {
  await using dir = await tempDir();
  const paths = await writeFiles(dir.path);
  let failure: unknown;
  try {
    await collect(renderFiles(paths, settings, {
      threads: 2,
      checks: [],
      checkSource: { ...checkSource, name: "nothing" },
    }));
  } catch (cause) {
    failure = cause;
  }
  ok(String(failure).includes("does not export"), String(failure));
});
