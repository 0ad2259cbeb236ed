import { deepEqual, equal, match, ok, rejects } from "node:assert/strict";
import { resolveConfig } from "../src/config/mod.ts";
import { startDaemon } from "../src/daemon.ts";
import { formatEventDocument } from "../src/model/mod.ts";
import { MemoryWatcher } from "../src/watch/mod.ts";
import { eventually } from "./support/daemon_process.ts";
import { type FeedFolders, feedFolders } from "./support/feed_folders.ts";
import { sampleEvent, uuidN } from "./support/sample_events.ts";

function configFor(folders: FeedFolders, port = 0) {
  return resolveConfig(
    { server: { host: "127.0.0.1", port } },
    { cwd: folders.root },
    { data: "data", feeds: "feeds", state: ".kura" },
  );
}

Deno.test("startDaemon() serves the rendered feeds and applies the watcher's batches until stopped", async () => {
  await using folders = await feedFolders();
  await folders.writeEvent(sampleEvent({ uuid: uuidN(1), info: "First" }));
  const watcher = new MemoryWatcher({ debounceMs: 10 });
  const logs: Record<string, unknown>[] = [];
  const daemon = await startDaemon({
    config: configFor(folders),
    logger: (level, msg, fields) => logs.push({ level, msg, ...fields }),
    watcher,
  });
  try {
    match(daemon.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const first = await fetch(`${daemon.url}/feeds/public/${uuidN(1)}.json`);
    match(await first.text(), /"First"/);
    const path = await folders.writeEvent(
      sampleEvent({ uuid: uuidN(1), info: "Second", timestamp: "1700000100" }),
    );
    watcher.emit(path);
    await eventually(async () => {
      const text = await (await fetch(`${daemon.url}/feeds/public/${uuidN(1)}.json`)).text();
      return text.includes('"Second"') ? text : undefined;
    });
    const metrics = await (await fetch(`${daemon.url}/metrics`)).text();
    match(metrics, /kura_render_duration_seconds_count\{kind="full"\} 1\n/);
    match(metrics, /kura_render_duration_seconds_count\{kind="events"\} 1\n/);
  } finally {
    await daemon.stop();
  }
  await daemon.finished;
  await rejects(fetch(`${daemon.url}/healthz`));
  deepEqual(
    logs.filter((line) => line.msg !== "request").map((line) => [line.msg, line.kind]),
    [
      ["rendered", "full"],
      ["listening", undefined],
      ["rendered", "events"],
      ["stopping", undefined],
      ["stopped", undefined],
    ],
  );
});

Deno.test("startDaemon() stops when its signal is aborted", async () => {
  await using folders = await feedFolders();
  const controller = new AbortController();
  const daemon = await startDaemon({
    config: configFor(folders),
    logger: () => {},
    watcher: new MemoryWatcher(),
    signal: controller.signal,
  });
  equal((await fetch(`${daemon.url}/healthz`)).status, 200);
  controller.abort();
  await daemon.finished;
  await rejects(fetch(`${daemon.url}/healthz`));
});

Deno.test("startDaemon() logs files that fail validation and broken definitions at start-up", async () => {
  await using folders = await feedFolders({ public: { audience: "public", access: "public" } });
  await folders.writeEventText(
    `${uuidN(1)}.json`,
    formatEventDocument(sampleEvent({ uuid: uuidN(2) })),
  );
  await folders.writeFeed("broken", "{");
  const logs: Record<string, unknown>[] = [];
  const daemon = await startDaemon({
    config: configFor(folders),
    logger: (level, msg, fields) => logs.push({ level, msg, ...fields }),
    watcher: new MemoryWatcher(),
    displayPath: (path) => path.slice(folders.root.length + 1),
  });
  await daemon.stop();
  const invalid = logs.find((line) => String(line.msg).startsWith("event file invalid"))!;
  equal(invalid.level, "warn");
  equal(invalid.file, `data/events/${uuidN(1)}.json`);
  const broken = logs.find((line) => String(line.msg).startsWith("feed definition invalid"))!;
  equal(broken.feed, "broken");
  ok(Array.isArray(broken.issues));
});

Deno.test("startDaemon() fails, and closes its watcher, when the port is taken", async () => {
  await using folders = await feedFolders();
  using taken = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const watcher = new MemoryWatcher();
  await rejects(
    startDaemon({
      config: configFor(folders, (taken.addr as Deno.NetAddr).port),
      logger: () => {},
      watcher,
    }),
    Deno.errors.AddrInUse,
  );
  const batches = watcher.batches();
  equal((await batches.next()).done, true);
});

for (const watcher of ["native", "chokidar"] as const) {
  Deno.test(`startDaemon() with the ${watcher} watcher serves an event edited on disk`, async () => {
    await using folders = await feedFolders();
    await folders.writeEvent(sampleEvent({ uuid: uuidN(1), info: "Before" }));
    const daemon = await startDaemon({ config: configFor(folders), logger: () => {}, watcher });
    try {
      await folders.writeEvent(
        sampleEvent({ uuid: uuidN(1), info: "After", timestamp: "1700000100" }),
      );
      await eventually(async () => {
        const text = await (await fetch(`${daemon.url}/feeds/public/${uuidN(1)}.json`)).text();
        return text.includes('"After"') ? text : undefined;
      });
    } finally {
      await daemon.stop();
    }
  });
}

Deno.test("startDaemon() warns about a missing data folder and serves once it appears", async () => {
  await using folders = await feedFolders();
  await Deno.rename(folders.data, `${folders.root}/elsewhere`);
  const logs: Record<string, unknown>[] = [];
  const daemon = await startDaemon({
    config: configFor(folders),
    logger: (level, msg, fields) => logs.push({ level, msg, ...fields }),
  });
  try {
    const warning = logs.find((line) => String(line.msg).startsWith("data folder missing"));
    equal(warning?.level, "warn");
    await Deno.rename(`${folders.root}/elsewhere`, folders.data);
    await folders.writeEvent(sampleEvent({ uuid: uuidN(1) }));
    await eventually(async () => {
      const response = await fetch(`${daemon.url}/feeds/public/${uuidN(1)}.json`);
      await response.body?.cancel();
      return response.status === 200 ? true : undefined;
    });
  } finally {
    await daemon.stop();
  }
});
