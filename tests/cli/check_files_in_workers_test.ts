import { deepEqual, equal, rejects } from "node:assert/strict";
import { checkFilesInOrder } from "../../src/cli/check_files_in_order.ts";
import { checkFilesInWorkers } from "../../src/cli/check_files_in_workers.ts";
import type { FileCheckSettings } from "../../src/cli/file_checks.ts";
import { loadConfig } from "../../src/config/mod.ts";
import { formatEventDocument, type Issue } from "../../src/model/mod.ts";
import type { FoundFile } from "../../src/store/mod.ts";
import { sampleAttribute, sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

async function collect(results: AsyncGenerator<Issue[]>): Promise<Issue[][]> {
  const all: Issue[][] = [];
  for await (const issues of results) all.push(issues);
  return all;
}

/** `count` event files; every third has a bad value so that results differ from file to file. */
async function eventFiles(dir: string, count: number): Promise<FoundFile[]> {
  await Deno.mkdir(`${dir}/events`);
  const files: FoundFile[] = [];
  for (let n = 1; n <= count; n++) {
    const value = n % 3 === 0 ? `192.0.2.${n}/99` : `192.0.2.${n}`;
    const event = sampleEvent({ uuid: uuidN(n), Attribute: [sampleAttribute(n, { value })] });
    const path = `${dir}/events/${uuidN(n)}.json`;
    await Deno.writeTextFile(path, formatEventDocument(event));
    files.push({ path, root: dir });
  }
  return files;
}

async function settingsFor(dir: string): Promise<FileCheckSettings> {
  return { config: await loadConfig({ cwd: dir }), strictTags: false, now: 1_700_000_000 };
}

Deno.test("checkFilesInWorkers() yields the same issues in the same order as checkFilesInOrder()", async () => {
  await using dir = await tempDir();
  const files = await eventFiles(dir.path, 30);
  const settings = await settingsFor(dir.path);
  const inOrder = await collect(checkFilesInOrder(files, settings));
  equal(inOrder.length, 30);
  equal(inOrder.filter((issues) => issues.length > 0).length, 10);
  deepEqual(await collect(checkFilesInWorkers(files, { settings, workers: 3 })), inOrder);
});

Deno.test("checkFilesInOrder() and checkFilesInWorkers() yield nothing for no files", async () => {
  await using dir = await tempDir();
  const settings = await settingsFor(dir.path);
  deepEqual(await collect(checkFilesInOrder([], settings)), []);
  deepEqual(await collect(checkFilesInWorkers([], { settings, workers: 2 })), []);
});

Deno.test("checkFilesInWorkers() rejects when a worker fails instead of hanging", async () => {
  await using dir = await tempDir();
  const files = await eventFiles(dir.path, 3);
  // A programmer error inside a worker (here: no file at all) must end the run with that error.
  const broken = [files[0]!, null as unknown as FoundFile, files[2]!];
  await rejects(
    collect(checkFilesInWorkers(broken, { settings: await settingsFor(dir.path), workers: 2 })),
    /null/,
  );
});
