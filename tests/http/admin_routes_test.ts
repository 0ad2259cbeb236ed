import { deepEqual, equal, match } from "node:assert/strict";
import { Hono } from "hono";
import { adminRoutes, type AppEnv, errorResponse } from "../../src/http/mod.ts";
import { JobStore, PeerStateStore, TokenStore } from "../../src/store/mod.ts";
import type { JobRecord } from "../../src/store/mod.ts";
import { testPeer } from "../support/pull_fixture.ts";
import { tempDir } from "../support/sample_events.ts";

async function setup(dir: string, running = false) {
  const tokens = new TokenStore(dir);
  const admin = (await tokens.add("admin")).token;
  const feed = (await tokens.add("feed:x")).token;
  const jobs = new JobStore(dir);
  const job = await jobs.start("peer-a", "poller", new Date("2026-01-01T00:00:00Z"));
  await jobs.finish(job, {
    status: "ok",
    counts: { new: 3 },
    time: new Date("2026-01-01T00:00:02Z"),
  });
  const peerState = new PeerStateStore(dir);
  await peerState.put("peer-a", { seen: {}, failures: 0, lastSuccess: "2026-01-01T00:00:02.000Z" });
  const pulls: string[] = [];
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.route(
    "/",
    adminRoutes({
      tokens,
      jobs,
      peers: [testPeer("http://127.0.0.1:1/")],
      peerState,
      poller: {
        status:
          () => [{ name: "peer-a", running, failures: 0, nextRun: "2026-01-01T01:00:00.000Z" }],
        pullNow: (name) => {
          pulls.push(name);
          return Promise.resolve(
            running ? undefined : {
              id: "job-1",
              peer: name,
              trigger: "api",
              started: "",
              status: "running",
              counts: {},
            } as JobRecord,
          );
        },
      },
    }),
  );
  const request = (path: string, init: RequestInit = {}, token = admin) =>
    app.request(path, { ...init, headers: { Authorization: `Bearer ${token}` } });
  return { app, request, feed, pulls, job };
}

const guarded: [string, string][] = [
  ["GET", "/jobs"],
  ["GET", "/peers"],
  ["POST", "/peers/peer-a/pull"],
];
for (const [method, path] of guarded) {
  Deno.test(`adminRoutes() refuses ${method} ${path} without an admin token, or with a feed token`, async () => {
    await using dir = await tempDir();
    const { app, request, feed, pulls } = await setup(dir.path);
    const anonymous = await app.request(path, { method });
    equal(anonymous.status, 401);
    equal(anonymous.headers.get("www-authenticate"), 'Bearer realm="kura"');
    equal((await request(path, { method }, feed)).status, 401);
    deepEqual(pulls, []);
  });
}

Deno.test("adminRoutes() GET /jobs lists recorded passes and GET /jobs/<id> shows one", async () => {
  await using dir = await tempDir();
  const { request, job } = await setup(dir.path);
  const response = await request("/jobs?peer=peer-a");
  equal(response.status, 200);
  const { jobs } = await response.json();
  equal(jobs[0].status, "ok");
  deepEqual(jobs[0].counts, { new: 3 });
  equal((await (await request(`/jobs/${job.id}`)).json()).peer, "peer-a");
  equal((await request("/jobs/nope")).status, 404);
  equal((await request("/jobs?limit=x")).status, 400);
});

Deno.test("adminRoutes() GET /peers reports status, last success and next run", async () => {
  await using dir = await tempDir();
  const { request } = await setup(dir.path);
  const { peers } = await (await request("/peers")).json();
  equal(peers[0].name, "peer-a");
  equal(peers[0].status, "ok");
  equal(peers[0].lastSuccess, "2026-01-01T00:00:02.000Z");
  equal(peers[0].nextRun, "2026-01-01T01:00:00.000Z");
});

Deno.test("adminRoutes() POST /peers/<name>/pull starts a pass: 202 with the job, 409 while one runs, 404 unknown", async () => {
  await using dir = await tempDir();
  const idle = await setup(dir.path);
  const accepted = await idle.request("/peers/peer-a/pull", { method: "POST" });
  equal(accepted.status, 202);
  equal(accepted.headers.get("location"), "/jobs/job-1");
  deepEqual(idle.pulls, ["peer-a"]);
  equal((await idle.request("/peers/nobody/pull", { method: "POST" })).status, 404);
  equal((await idle.request("/peers/peer-a/pull")).status, 404, "GET does not start a pass");
  await using dir2 = await tempDir();
  const busy = await setup(dir2.path, true);
  const conflict = await busy.request("/peers/peer-a/pull", { method: "POST" });
  equal(conflict.status, 409);
  match((await conflict.json()).error, /already running/);
});
