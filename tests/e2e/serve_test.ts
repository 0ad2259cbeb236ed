/**
 * End to end: the real daemon, started as `deno task start` would start it, on the sample data and
 * sample feed definitions, fetched over real HTTP on 127.0.0.1; an event edited on disk is served in
 * its new version without a restart.
 */
import { deepEqual, equal, match, notEqual, ok } from "node:assert/strict";
import { TokenStore } from "../../src/store/mod.ts";
import { eventually, startDaemonProcess } from "../support/daemon_process.ts";
import { sampleRepo } from "../support/sample_repo.ts";

Deno.test("kura serve serves a token feed, picks up an edited event file, and stops cleanly on SIGTERM", async () => {
  await using repo = await sampleRepo();
  const { token } = await new TokenStore(`${repo.path}/.kura`).add("feed:internal", "e2e");
  const admin = await new TokenStore(`${repo.path}/.kura`).add("admin", "e2e");
  await using daemon = await startDaemonProcess(repo.path, []);
  match(daemon.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const auth = { headers: { Authorization: `Bearer ${token}` } };

  const refused = await fetch(`${daemon.url}/feeds/internal/manifest.json`);
  equal(refused.status, 401);
  await refused.body?.cancel();

  const manifestResponse = await fetch(`${daemon.url}/feeds/internal/manifest.json`, auth);
  equal(manifestResponse.status, 200);
  const manifest = await manifestResponse.json();
  const uuid = Object.keys(manifest)[0]!;
  const eventUrl = `${daemon.url}/feeds/internal/${uuid}.json`;
  const before = await fetch(eventUrl, auth);
  equal(before.status, 200);
  const tag = before.headers.get("ETag");
  const served = await before.json();
  ok(served.Event.info);

  // Edit the event file as an editor or `git pull` would: replace it atomically.
  const path = `${repo.path}/data/events/${uuid}.json`;
  const stored = JSON.parse(await Deno.readTextFile(path));
  stored.Event.info = "Edited while the daemon runs";
  stored.Event.timestamp = String(Number(stored.Event.timestamp) + 60);
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(stored, null, 2) + "\n");
  await Deno.rename(`${path}.tmp`, path);

  const edited = await eventually(async () => {
    const response = await fetch(eventUrl, auth);
    const body = await response.json();
    return body.Event.info === "Edited while the daemon runs" ? response : undefined;
  });
  notEqual(edited.headers.get("ETag"), tag);
  const after = await (await fetch(`${daemon.url}/feeds/internal/manifest.json`, auth)).json();
  equal(after[uuid].info, "Edited while the daemon runs");
  equal(after[uuid].timestamp, Number(stored.Event.timestamp));

  // A broken edit does not replace the version served, and /status reports the file (by name to
  // an admin only).
  await Deno.writeTextFile(path, "{ broken");
  const status = await eventually(async () => {
    const body = await (await fetch(`${daemon.url}/status`, {
      headers: { Authorization: `Bearer ${admin.token}` },
    })).json();
    return body.invalidFiles.length > 0 ? body : undefined;
  });
  equal(status.invalidFiles[0].file, `data/events/${uuid}.json`);
  const summary = await (await fetch(`${daemon.url}/status`)).json();
  deepEqual([summary.status, summary.hidden.invalidFiles], ["degraded", 1]);
  equal(JSON.stringify(summary).includes(uuid), false);
  const still = await (await fetch(eventUrl, auth)).json();
  equal(still.Event.info, "Edited while the daemon runs");

  const gzip = await fetch(`${daemon.url}/feeds/public/manifest.json`, {
    headers: { "Accept-Encoding": "gzip" },
  });
  equal(gzip.status, 200);
  equal(gzip.headers.get("Content-Encoding"), "gzip");
  await gzip.body?.cancel();

  equal(await daemon.stop("SIGTERM"), 0);
  ok(daemon.logs.some((line) => line.msg === "stopped"));
  ok(daemon.logs.some((line) => line.msg === "request" && line.status === 401));
  equal(JSON.stringify(daemon.logs).includes(token), false, "the token is never logged");
});

Deno.test("kura serve stops cleanly on SIGINT, letting a request in flight finish", async () => {
  await using repo = await sampleRepo();
  await using daemon = await startDaemonProcess(repo.path, []);
  const response = await fetch(`${daemon.url}/feeds/public/hashes.csv`);
  const stopping = daemon.stop("SIGINT");
  equal(response.status, 200);
  ok((await response.text()).length > 0);
  equal(await stopping, 0);
  ok(daemon.logs.some((line) => line.msg === "stopped"));
});
