import { deepEqual, equal, ok } from "node:assert/strict";
import { JobStore } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("JobStore records a pass from start to finish and lists newest first", async () => {
  await using dir = await tempDir();
  const jobs = new JobStore(dir.path);
  const first = await jobs.start("a", "cli", new Date("2026-01-01T00:00:00Z"));
  equal(first.status, "running");
  const second = await jobs.start("b", "poller", new Date("2026-01-01T00:01:00Z"));
  const done = await jobs.finish(first, {
    status: "ok",
    counts: { new: 2 },
    time: new Date("2026-01-01T00:00:05Z"),
  });
  deepEqual((await jobs.list()).map((j) => j.id), [second.id, first.id]);
  deepEqual(await jobs.get(first.id), done);
  deepEqual((await jobs.list({ peer: "a" })).map((j) => j.status), ["ok"]);
  equal(await jobs.get("../x"), undefined);
});

Deno.test("JobStore keeps only the newest records", async () => {
  await using dir = await tempDir();
  const jobs = new JobStore(dir.path, { keep: 3 });
  for (let i = 0; i < 5; i++) await jobs.start("a", "cli", new Date(Date.UTC(2026, 0, 1, 0, i)));
  const kept = await jobs.list();
  equal(kept.length, 3);
  ok(kept[0]!.started > kept[2]!.started);
});
