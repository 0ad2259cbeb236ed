import { equal, match, ok } from "node:assert/strict";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";
import { git, syncWorkspace } from "../support/sync_workspace.ts";

const E1 = sampleEvent({ uuid: uuidN(1, "eeeeeeee"), info: "first" });
const E2 = sampleEvent({ uuid: uuidN(2, "eeeeeeee"), info: "second" });

Deno.test("kura pull imports a peer's events, sends the token and commits once per pass", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1, E2]));
  await syncWorkspace(dir.path, server.url);
  const run = await runKura(["pull"], dir.path);
  equal(run.code, 0, run.stderr);
  match(
    run.stdout,
    /peer-a: ok — 2 new, 0 updated, 0 unchanged, 0 rejected, 0 quarantined \(commit [0-9a-f]{12}\)/,
  );
  match(run.stdout, /new +eeeeeeee-0000-4000-8000-000000000001 "first"/);
  equal(server.requests[0]?.headers.get("authorization"), "Bearer s3cret");
  const log = await git(`${dir.path}/data`, "log", "--format=%s%n%b", "-1");
  match(log, /Pull from peer peer-a: 2 new, 0 updated/);
  match(log, /new +eeeeeeee-0000-4000-8000-000000000002 second/);
  equal((await git(`${dir.path}/data`, "status", "--porcelain")).trim(), "");
});

Deno.test("kura pull logs progress lines when not on a terminal and records a job", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1]));
  await syncWorkspace(dir.path, server.url, { commit: false });
  const run = await runKura(["pull", "peer-a"], dir.path);
  match(run.stderr, /peer-a: fetching manifest\npeer-a: 0\/1 events\npeer-a: 1\/1 events\n/);
  const jobs = await runKura(["jobs", "--format", "json"], dir.path);
  const [job] = JSON.parse(jobs.stdout);
  equal(job.peer, "peer-a");
  equal(job.status, "ok");
  equal(job.counts.new, 1);
  ok(job.finished);
  const human = await runKura(["jobs"], dir.path);
  match(human.stdout, /peer-a {2}cli .* ok {2}1 new/);
});

Deno.test("kura pull exits 1 when an event is quarantined and 2 when the peer is down", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1]));
  server.put(`/${E1.uuid}.json`, "{broken");
  await syncWorkspace(dir.path, server.url, { commit: false });
  const quarantined = await runKura(["pull"], dir.path);
  equal(quarantined.code, 1);
  match(
    quarantined.stdout,
    /quarantined +eeeeeeee-0000-4000-8000-000000000001: the event file is not valid JSON/,
  );
  await server.close();
  await Deno.writeTextFile(`${dir.path}/.kura/peers/peer-a.json`, '{"seen":{},"failures":0}');
  const down = await runKura(["pull"], dir.path);
  equal(down.code, 2);
  // Usually "cannot connect"; the freed port may have been taken by another test's server meanwhile.
  match(down.stdout, /peer-a: failed .*\n {2}error: /);
});

Deno.test("kura pull names the configured peers when asked for an unknown one", async () => {
  await using dir = await tempDir();
  await syncWorkspace(dir.path, "http://127.0.0.1:9/");
  const run = await runKura(["pull", "nobody"], dir.path);
  equal(run.code, 2);
  match(run.stderr, /no peer named "nobody" in the configuration \(configured: peer-a\)/);
});
