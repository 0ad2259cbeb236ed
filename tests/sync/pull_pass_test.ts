// Pull semantics of misp-behaviour.md §3.3 (feed consumption) and §2.6 (merge); failure handling
// required by DESIGN rule 5 (one result per event, nothing dropped silently).
import { deepEqual, equal, match, ok } from "node:assert/strict";
import { pullPass } from "../../src/sync/mod.ts";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { HOST_ORG, pullDeps, snapshot, testPeer } from "../support/pull_fixture.ts";
import { sampleAttribute, sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

const E1 = sampleEvent({ uuid: uuidN(1, "eeeeeeee"), info: "first" });
const E2 = sampleEvent({ uuid: uuidN(2, "eeeeeeee"), info: "second", distribution: "2" });

Deno.test("pullPass() imports every new event, downgraded and locked, with one result each", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1, E2]));
  const peer = testPeer(server.url);
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.status, "ok", report.error);
  deepEqual(report.results.map((r) => [r.uuid, r.status]), [[E1.uuid, "new"], [E2.uuid, "new"]]);
  const stored = await pullDeps(dir.path, peer).store.get(E2.uuid!);
  equal(stored?.distribution, "1", "2 → 1 on pull");
  equal(stored?.locked, true);
});

Deno.test("pullPass() makes one request and no write when the manifest is unchanged", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1]));
  const peer = testPeer(server.url);
  await pullPass(peer, pullDeps(dir.path, peer));
  const before = await snapshot(`${dir.path}/data`);
  server.requests.length = 0;
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.status, "not-modified");
  equal(server.requests.length, 1);
  ok(server.requests[0]?.headers.get("if-none-match"));
  deepEqual(await snapshot(`${dir.path}/data`), before);
});

Deno.test("pullPass() fetches only the changed event and merges it", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1, E2]));
  const peer = testPeer(server.url);
  await pullPass(peer, pullDeps(dir.path, peer));
  const changed = sampleEvent({
    ...E1,
    timestamp: "1700000100",
    Attribute: [...E1.Attribute!, sampleAttribute(9, { timestamp: "1700000100" })],
  });
  for (const [path, text] of Object.entries(feedFiles([changed, E2]))) server.put(path, text);
  server.requests.length = 0;
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.status, "ok");
  deepEqual(server.requests.map((r) => r.path), ["/manifest.json", `/${E1.uuid}.json`]);
  const updated = report.results.find((r) => r.uuid === E1.uuid);
  equal(updated?.status, "updated");
  equal(updated?.changes?.attributesAdded, 1);
  equal(report.results.find((r) => r.uuid === E2.uuid)?.status, "unchanged");
});

Deno.test("pullPass() never lets a feed overwrite an event created here", async () => {
  await using dir = await tempDir();
  const ours = sampleEvent({ uuid: uuidN(7, "eeeeeeee"), Orgc: { name: "Us", uuid: HOST_ORG } });
  const deps = pullDeps(dir.path, testPeer("http://127.0.0.1:1/"));
  await deps.store.put(ours);
  const forged = { ...ours, timestamp: "1800000000", info: "forged" };
  await using server = startFeedServer(feedFiles([forged]));
  const peer = testPeer(server.url, { orgs: ["*"] });
  const before = await snapshot(`${dir.path}/data`);
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.results[0]?.status, "rejected");
  match(report.results[0]?.reason ?? "", /own org/);
  deepEqual(await snapshot(`${dir.path}/data`), before);
  equal(server.requests.length, 1, "refused from the manifest, nothing fetched");
});

Deno.test("pullPass() applies pull rules before downloading", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(
    feedFiles([E1, sampleEvent({ ...E2, Tag: [{ name: "tlp:red" }] })]),
  );
  const peer = testPeer(server.url, { rules: { tags: { NOT: ["tlp:red"] } } });
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.results.find((r) => r.uuid === E2.uuid)?.status, "rejected");
  ok(!server.requests.some((r) => r.path === `/${E2.uuid}.json`));
});

interface FailureCase {
  what: string;
  setup(server: ReturnType<typeof startFeedServer>): void;
  status: string;
  result?: { status: string; reason: RegExp };
  error?: RegExp;
  peer?: Record<string, unknown>;
}

const failures: FailureCase[] = [
  {
    what: "a 500 on the manifest",
    setup: (s) => s.behaviours.set("/manifest.json", { status: 500 }),
    status: "failed",
    error: /HTTP 500 for manifest.json/,
  },
  {
    what: "a truncated manifest",
    setup: (s) => s.behaviours.set("/manifest.json", { truncate: true }),
    status: "failed",
    error: /truncated/,
  },
  {
    what: "a manifest that is not JSON",
    setup: (s) => s.put("/manifest.json", "{not json"),
    status: "failed",
    error: /manifest.json is not valid JSON/,
  },
  {
    what: "a manifest over the size limit",
    setup: (s) => s.put("/manifest.json", `{"pad": "${"x".repeat(5000)}"}`),
    peer: { limits: { maxManifestBytes: 2048, timeout: 5 } },
    status: "failed",
    error: /over the limit of 2048 bytes/,
  },
  {
    what: "a manifest key like ../../x",
    setup: (s) => {
      const manifest = JSON.parse(new TextDecoder().decode(s.files.get("/manifest.json")));
      manifest["../../x"] = manifest[E1.uuid!];
      delete manifest[E1.uuid!];
      s.put("/manifest.json", JSON.stringify(manifest));
    },
    status: "ok",
    result: { status: "quarantined", reason: /"..\/..\/x" is not a lower-case uuid/ },
  },
  {
    what: "a uuid mismatch between manifest key and file",
    setup: (s) =>
      s.put(`/${E1.uuid}.json`, JSON.stringify({ Event: { ...E1, uuid: uuidN(3, "eeeeeeee") } })),
    status: "ok",
    result: { status: "quarantined", reason: /uuid mismatch/ },
  },
  {
    what: "an event file that is not JSON",
    setup: (s) => s.put(`/${E1.uuid}.json`, '{"Event": {'),
    status: "ok",
    result: { status: "quarantined", reason: /not valid JSON/ },
  },
  {
    what: "an event that fails validation",
    setup: (s) =>
      s.put(
        `/${E1.uuid}.json`,
        JSON.stringify({
          Event: { ...E1, Attribute: [sampleAttribute(1, { type: "no-such-type" })] },
        }),
      ),
    status: "ok",
    result: { status: "quarantined", reason: /validation failed/ },
  },
  {
    what: "an event whose Orgc the peer may not speak for",
    setup: (s) =>
      s.put(
        `/${E1.uuid}.json`,
        JSON.stringify({ Event: { ...E1, Orgc: { name: "X", uuid: uuidN(4, "cccccccc") } } }),
      ),
    status: "ok",
    result: { status: "quarantined", reason: /may not speak for creator org "X"/ },
  },
  {
    what: "a timestamp from the future",
    setup: (s) =>
      s.put(`/${E1.uuid}.json`, JSON.stringify({ Event: { ...E1, timestamp: "4000000000" } })),
    status: "ok",
    result: { status: "quarantined", reason: /future/ },
  },
  {
    what: "a 500 on an event",
    setup: (s) => s.behaviours.set(`/${E1.uuid}.json`, { status: 500 }),
    status: "partial",
    result: { status: "rejected", reason: /HTTP 500.*tried again next pass/ },
  },
  {
    what: "an oversized event",
    setup: (s) =>
      s.put(`/${E1.uuid}.json`, JSON.stringify({ Event: { ...E1, info: "x".repeat(5000) } })),
    peer: { limits: { maxEventBytes: 2048, timeout: 5 } },
    status: "partial",
    result: { status: "rejected", reason: /over the limit of 2048 bytes/ },
  },
  {
    what: "a gzip bomb event",
    setup: (s) => {
      s.put(`/${E1.uuid}.json`, new Uint8Array(50 * 1024 * 1024));
      s.behaviours.set(`/${E1.uuid}.json`, { gzip: true });
    },
    peer: { limits: { maxEventBytes: 1024 * 1024, timeout: 20 } },
    status: "partial",
    result: { status: "rejected", reason: /decompresses to more than 1048576 bytes/ },
  },
  {
    what: "an event that times out",
    setup: (s) => s.behaviours.set(`/${E1.uuid}.json`, { delayMs: 3000 }),
    peer: { limits: { timeout: 1 } },
    status: "partial",
    result: { status: "rejected", reason: /within 1000 ms/ },
  },
  {
    what: "an event redirected to another host",
    setup: (s) =>
      s.behaviours.set(`/${E1.uuid}.json`, { redirect: "http://169.254.169.254/x.json" }),
    peer: { allowPrivateNetwork: false },
    status: "failed",
    error: /loopback/,
  },
];

for (const c of failures) {
  Deno.test(`pullPass() gives a clear result and leaves data/ untouched for ${c.what}`, async () => {
    await using dir = await tempDir();
    await using server = startFeedServer(feedFiles([E1]));
    c.setup(server);
    const peer = testPeer(server.url, c.peer);
    const report = await pullPass(peer, pullDeps(dir.path, peer));
    equal(report.status, c.status, report.error);
    if (c.error) match(report.error ?? "", c.error);
    if (c.result) {
      equal(report.results.length, 1);
      equal(report.results[0]?.status, c.result.status);
      match(report.results[0]?.reason ?? "", c.result.reason);
    }
    deepEqual(await snapshot(`${dir.path}/data`), {});
    if (c.result?.status === "quarantined") {
      const receipts = await pullDeps(dir.path, peer).quarantine.list();
      equal(receipts.length, 1);
      equal(receipts[0]?.peer, "peer-a");
    }
  });
}

Deno.test("pullPass() reports a peer that is down as a failed pass", async () => {
  await using dir = await tempDir();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  const peer = testPeer(`http://127.0.0.1:${port}/`);
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.status, "failed");
  match(report.error ?? "", /cannot connect/);
  const state = await pullDeps(dir.path, peer).peerState.get("peer-a");
  equal(state.failures, 1);
  match(state.lastError?.message ?? "", /cannot connect/);
});

Deno.test("pullPass() checks integrity:sha256 when the manifest gives it", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1, E2], { integrity: true }));
  server.put(`/${E2.uuid}.json`, JSON.stringify({ Event: { ...E2, info: "tampered" } }));
  const peer = testPeer(server.url);
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.results.find((r) => r.uuid === E1.uuid)?.status, "new");
  const bad = report.results.find((r) => r.uuid === E2.uuid);
  equal(bad?.status, "quarantined");
  match(bad?.reason ?? "", /integrity:sha256 mismatch/);
});

Deno.test("pullPass() does not fetch or quarantine again an entry the peer has not changed", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1]));
  server.put(`/${E1.uuid}.json`, "{broken");
  const peer = testPeer(server.url);
  const deps = pullDeps(dir.path, peer);
  const first = await pullPass(peer, deps);
  equal(first.results[0]?.status, "quarantined");
  await deps.peerState.put("peer-a", { seen: {}, failures: 0 }); // forget the ETag
  server.requests.length = 0;
  const second = await pullPass(peer, deps);
  equal(second.results[0]?.status, "quarantined");
  match(
    second.results[0]?.reason ?? "",
    /still quarantined, unchanged by the peer: the event file is not valid JSON/,
  );
  equal(second.results[0]?.quarantineId, first.results[0]?.quarantineId);
  deepEqual(server.requests.map((r) => r.path), ["/manifest.json"]);
  equal((await deps.quarantine.list()).length, 1);
});
