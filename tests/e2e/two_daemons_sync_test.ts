/**
 * End to end with real processes and real git: daemon A (the sample data, Example CERT) publishes
 * the "northwind" feed for Northwind CSIRT; daemon B (Northwind's instance, its own data repository)
 * pulls it through the admin API, gets exactly what the feed allows and commits it; A edits an
 * event and B sees only that change; an unchanged manifest costs one request and no write; a forged
 * feed cannot overwrite A's event in B. Merge rules: misp-behaviour.md §2.6.
 */
import { deepEqual, equal, match, ok } from "node:assert/strict";
import { TokenStore } from "../../src/store/mod.ts";
import { eventually, startDaemonProcess } from "../support/daemon_process.ts";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { snapshot } from "../support/pull_fixture.ts";
import { sampleRepo } from "../support/sample_repo.ts";
import { tempDir } from "../support/sample_events.ts";
import { git } from "../support/sync_workspace.ts";

const EXAMPLE_CERT = "57f97bdb-3d95-54b6-b039-a9d8683b4785";
const NORTHWIND = "94e7523f-093b-59bb-b67e-f23d20f69edd";
const CONTOSO = "cfa5701a-6ac7-5b09-81a5-8da2fe49627e";
const EDITED = "0f250d30-e5c9-58a9-996b-ef026da6f778";

Deno.test("two daemons: B pulls A's feed for its org, sees only A's changes, and refuses forgeries", async () => {
  // Daemon A: the sample data and feeds, a feed token for Northwind.
  await using a = await sampleRepo();
  const feedToken = (await new TokenStore(`${a.path}/.kura`).add("feed:northwind", "B")).token;
  await using daemonA = await startDaemonProcess(a.path, []);
  const feedUrl = `${daemonA.url}/feeds/northwind/`;
  const feedAuth = { headers: { Authorization: `Bearer ${feedToken}` } };
  const manifestA = await (await fetch(`${feedUrl}manifest.json`, feedAuth)).json();

  // A forger on the loopback: claims to speak for Contoso, serves A's event with a newer timestamp.
  const original =
    JSON.parse(await Deno.readTextFile(`${a.path}/data/events/${EDITED}.json`)).Event;
  await using forger = startFeedServer(
    feedFiles([{ ...original, timestamp: "1900000000", info: "forged by a third party" }]),
  );
  const forgedManifest = JSON.parse(new TextDecoder().decode(forger.files.get("/manifest.json")));
  forgedManifest[EDITED].Orgc = { name: "Contoso SOC", uuid: CONTOSO };
  forger.put("/manifest.json", JSON.stringify(forgedManifest));

  // Daemon B: Northwind's own data repository, peers "example" (A) and "forger".
  await using b = await tempDir("kura-b-");
  await Deno.mkdir(`${b.path}/data/orgs`, { recursive: true });
  await Deno.mkdir(`${b.path}/feeds`);
  await Deno.mkdir(`${b.path}/.kura`);
  const northwind = JSON.parse(await Deno.readTextFile(`${a.path}/data/orgs/${NORTHWIND}.json`));
  northwind.Organisation.local = true;
  await Deno.writeTextFile(
    `${b.path}/data/orgs/${NORTHWIND}.json`,
    JSON.stringify(northwind, null, 2),
  );
  await git(`${b.path}/data`, "init", "--quiet", "--initial-branch=main");
  await git(`${b.path}/data`, "-c", "user.name=B", "-c", "user.email=b@example.org", "add", ".");
  await git(
    `${b.path}/data`,
    "-c",
    "user.name=B",
    "-c",
    "user.email=b@example.org",
    "commit",
    "-qm",
    "B's data",
  );
  await Deno.writeTextFile(`${b.path}/.kura/example.token`, feedToken);
  await Deno.writeTextFile(
    `${b.path}/kura.json`,
    JSON.stringify({
      org: NORTHWIND,
      git: { commit: true },
      peers: [
        {
          name: "example",
          url: feedUrl,
          orgs: [EXAMPLE_CERT],
          token: { file: "example.token" },
          allowPrivateNetwork: true,
        },
        { name: "forger", url: forger.url, orgs: [CONTOSO], allowPrivateNetwork: true },
      ],
    }),
  );
  const admin = (await new TokenStore(`${b.path}/.kura`).add("admin", "e2e")).token;
  await using daemonB = await startDaemonProcess(b.path, ["--first-poll", "3600"]);
  const adminAuth = { Authorization: `Bearer ${admin}` };
  const pull = async (peer: string) => {
    const response = await fetch(`${daemonB.url}/peers/${peer}/pull`, {
      method: "POST",
      headers: adminAuth,
    });
    equal(response.status, 202, await response.clone().text());
    const { job } = await response.json();
    return await eventually(async () => {
      const record = await (await fetch(`${daemonB.url}/jobs/${job.id}`, { headers: adminAuth }))
        .json();
      return record.status === "running" ? undefined : record;
    }, 30_000);
  };
  const head = () => git(`${b.path}/data`, "rev-parse", "HEAD");

  // Admin endpoints need the admin token, not the feed one.
  equal((await fetch(`${daemonB.url}/peers/example/pull`, { method: "POST" })).status, 401);
  const withFeedToken = await fetch(`${daemonB.url}/jobs`, feedAuth);
  equal(withFeedToken.status, 401);
  await withFeedToken.body?.cancel();

  // 1. First pull: exactly the feed's events created by Example CERT, committed once.
  const first = await pull("example");
  equal(first.status, "ok", JSON.stringify(first));
  const allowed = Object.entries(manifestA)
    .filter(([, entry]) => (entry as { Orgc: { uuid: string } }).Orgc.uuid === EXAMPLE_CERT)
    .map(([uuid]) => `${uuid}.json`)
    .sort();
  ok(allowed.length >= 3, "the feed carries several of A's events");
  const storedB = [...Deno.readDirSync(`${b.path}/data/events`)].map((e) => e.name).sort();
  deepEqual(storedB, allowed);
  equal(first.counts.new, allowed.length);
  equal(first.counts.rejected, Object.keys(manifestA).length - allowed.length);
  ok(
    !storedB.includes("652e5d13-0a11-5a3d-86b1-5c2aaa2ebd2e.json"),
    "distribution 0 never arrives",
  );
  const log = await git(`${b.path}/data`, "log", "--format=%s", "-1");
  equal(log.trim(), `Pull from peer example: ${allowed.length} new, 0 updated`);
  equal((await git(`${b.path}/data`, "status", "--porcelain")).trim(), "");
  const copy = JSON.parse(await Deno.readTextFile(`${b.path}/data/events/${EDITED}.json`)).Event;
  equal(copy.locked, true);

  // 2. A edits one event; B's next pass takes only that change.
  const path = `${a.path}/data/events/${EDITED}.json`;
  const edited = JSON.parse(await Deno.readTextFile(path));
  edited.Event.info = "Edited on A";
  edited.Event.timestamp = String(Number(edited.Event.timestamp) + 60);
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(edited, null, 2) + "\n");
  await Deno.rename(`${path}.tmp`, path);
  await eventually(async () => {
    const manifest = await (await fetch(`${feedUrl}manifest.json`, feedAuth)).json();
    return manifest[EDITED].info === "Edited on A" ? true : undefined;
  });
  const second = await pull("example");
  equal(second.status, "ok");
  equal(second.counts.updated, 1);
  equal(second.counts.new, 0);
  const updated = JSON.parse(await Deno.readTextFile(`${b.path}/data/events/${EDITED}.json`)).Event;
  equal(updated.info, "Edited on A");
  match(
    await git(`${b.path}/data`, "log", "--format=%s%n%b", "-1"),
    /0 new, 1 updated\nupdated +0f250d30.* Edited on A \(fields: info, timestamp\)/,
  );

  // 3. Nothing changed on A: one request, no write, no commit.
  const before = await snapshot(`${b.path}/data`);
  const headBefore = await head();
  // Only B's requests count (its user agent is kura's); log lines are written in batches (at most
  // 100 ms late), so wait for B's line, then a little more so a second request would show too.
  const fromB = () =>
    daemonA.logs.filter((l) => l.msg === "request" && /^kura\//.test(String(l.agent)));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const requestsBefore = fromB().length;
  const third = await pull("example");
  equal(third.status, "not-modified");
  await eventually(() => Promise.resolve(fromB().length > requestsBefore ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const requests = fromB().slice(requestsBefore);
  equal(requests.length, 1, JSON.stringify(requests));
  equal(requests[0]?.status, 304);
  deepEqual(await snapshot(`${b.path}/data`), before);
  equal(await head(), headBefore);

  // 4. The forger cannot overwrite A's event in B, whatever its manifest or timestamps claim.
  const forged = await pull("forger");
  equal(forged.counts.quarantined, 1, JSON.stringify(forged));
  deepEqual(await snapshot(`${b.path}/data`), before);
  equal(await head(), headBefore);

  const { peers } = await (await fetch(`${daemonB.url}/peers`, { headers: adminAuth })).json();
  equal(peers.find((p: { name: string }) => p.name === "example").status, "ok");
  equal(await daemonB.stop("SIGTERM"), 0);
  equal(await daemonA.stop("SIGTERM"), 0);
});
