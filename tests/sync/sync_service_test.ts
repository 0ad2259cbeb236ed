import { equal, ok } from "node:assert/strict";
import { loadConfig } from "../../src/config/mod.ts";
import { createSyncService } from "../../src/sync/mod.ts";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";
import { syncWorkspace } from "../support/sync_workspace.ts";

Deno.test("createSyncService() polls each peer as recorded jobs, pulls on demand and stops cleanly", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([sampleEvent({ uuid: uuidN(1, "eeeeeeee") })]));
  await syncWorkspace(dir.path, server.url, { commit: false, peer: { interval: 10 } });
  const config = await loadConfig({ cwd: dir.path });
  const lines: string[] = [];
  const service = await createSyncService(config, {
    getEnv: () => undefined,
    now: () => new Date(),
    unitMs: 20,
    startDelay: 0,
    log: (_level, msg, fields) => lines.push(`${msg} ${fields?.status}`),
  });
  service.start();
  const deadline = Date.now() + 5000;
  while ((await service.context.jobs.list()).length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const [latest, first] = await service.context.jobs.list();
  equal(first?.status, "ok");
  equal(first?.counts.new, 1);
  equal(latest?.trigger, "poller");
  ok(lines.includes("pull pass finished ok"));
  await service.stop();
  equal(service.poller.status()[0]?.running, false);
});

Deno.test("createSyncService() records a pass whose peer secret is missing as a failed job", async () => {
  await using dir = await tempDir();
  await syncWorkspace(dir.path, "http://127.0.0.1:9/", {
    commit: false,
    peer: { token: { env: "KURA_NOT_SET" } },
  });
  const config = await loadConfig({ cwd: dir.path });
  const service = await createSyncService(config, {
    getEnv: () => undefined,
    now: () => new Date(),
  });
  const job = await service.poller.pullNow("peer-a");
  equal(job?.trigger, "api");
  await new Promise((resolve) => setTimeout(resolve, 50));
  const [record] = await service.context.jobs.list();
  equal(record?.status, "failed");
  ok(/KURA_NOT_SET is not set/.test(record?.error ?? ""));
  const state = await service.context.peerState.get("peer-a");
  equal(state.failures, 1);
  await service.stop();
});
