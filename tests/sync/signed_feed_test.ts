// A peer whose feed signing key is pinned (`publicKey`): nothing of a manifest is used unless its
// signature verifies, and event files are taken only when their signed integrity:sha256 matches.
import { generateSigningKey } from "../../src/store/mod.ts";
import { deepEqual, equal, match } from "node:assert/strict";
import { signerOf, signManifest } from "../../src/feed/mod.ts";
import { fetchOne, pullPass, testPeerConnection } from "../../src/sync/mod.ts";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { pullDeps, snapshot, testPeer } from "../support/pull_fixture.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

const E1 = sampleEvent({ uuid: uuidN(1, "eeeeeeee"), info: "first" });
const E2 = sampleEvent({ uuid: uuidN(2, "eeeeeeee"), info: "second" });

async function signedFeed(events = [E1, E2], integrity = true) {
  const key = await generateSigningKey();
  const signer = await signerOf(key.privateJwk);
  const files = feedFiles(events, { integrity });
  const signature = await signManifest(signer, new TextEncoder().encode(files["/manifest.json"]!));
  const signed: Record<string, string> = { ...files, "/manifest.json.sig": signature };
  return { publicKey: key.publicKey, files: signed };
}

Deno.test("pullPass() with a pinned key takes a feed whose manifest signature verifies", async () => {
  await using dir = await tempDir();
  const feed = await signedFeed();
  await using server = startFeedServer(feed.files);
  const peer = testPeer(server.url, { publicKey: feed.publicKey });
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  equal(report.status, "ok", report.error);
  deepEqual(report.results.map((r) => r.status), ["new", "new"]);
  deepEqual(server.requests.map((r) => r.path).slice(0, 2), [
    "/manifest.json",
    "/manifest.json.sig",
  ]);
});

Deno.test("pullPass() with a pinned key refuses a changed manifest, another key or a missing signature, fetching nothing", async () => {
  const feed = await signedFeed();
  const other = await generateSigningKey();
  const tampered = JSON.parse(feed.files["/manifest.json"]!);
  tampered[E1.uuid!].info = "changed by a mirror";
  const cases: [string, Record<string, string>, string, RegExp][] = [
    [
      "a changed manifest",
      { ...feed.files, "/manifest.json": JSON.stringify(tampered) },
      feed.publicKey,
      /does not match its signature/,
    ],
    ["another key", feed.files, other.publicKey, /not the pinned key/],
    [
      "no signature",
      Object.fromEntries(
        Object.entries(feed.files).filter(([path]) => path !== "/manifest.json.sig"),
      ),
      feed.publicKey,
      /manifest\.json\.sig could not be fetched/,
    ],
  ];
  for (const [what, files, publicKey, reason] of cases) {
    await using dir = await tempDir();
    await using server = startFeedServer(files);
    const peer = testPeer(server.url, { publicKey });
    const report = await pullPass(peer, pullDeps(dir.path, peer));
    equal(report.status, "failed", what);
    match(report.error!, reason, what);
    equal(server.requests.some((r) => r.path.startsWith("/eeeeeeee")), false, what);
    deepEqual(await snapshot(`${dir.path}/data`), {}, what);
  }
});

Deno.test("pullPass() with a pinned key rejects entries without integrity:sha256, and a file that does not match it", async () => {
  await using dir = await tempDir();
  const unsigned = await signedFeed([E1], false);
  await using server = startFeedServer(unsigned.files);
  const peer = testPeer(server.url, { publicKey: unsigned.publicKey });
  const report = await pullPass(peer, pullDeps(dir.path, peer));
  deepEqual(report.results.map((r) => [r.status, r.reason]), [[
    "rejected",
    "no integrity:sha256 in the signed manifest: the event file cannot be verified",
  ]]);

  await using dir2 = await tempDir();
  const signed = await signedFeed([E1]);
  await using swapped = startFeedServer({
    ...signed.files,
    [`/${E1.uuid}.json`]: JSON.stringify({ Event: { ...E1, info: "swapped" } }, null, 2),
  });
  const peer2 = testPeer(swapped.url, { publicKey: signed.publicKey });
  const second = await pullPass(peer2, pullDeps(dir2.path, peer2));
  equal(second.results[0]?.status, "quarantined");
  match(second.results[0]!.reason, /sha256/);
});

Deno.test("fetchOne() with a pinned key takes the event's hash from the signed manifest", async () => {
  await using dir = await tempDir();
  const feed = await signedFeed();
  await using server = startFeedServer(feed.files);
  const peer = testPeer(server.url, { publicKey: feed.publicKey });
  const deps = { ...pullDeps(dir.path, peer), now: 1_700_000_000 };
  equal((await fetchOne(peer, E2.uuid!, deps)).status, "new");
  const missing = await fetchOne(peer, uuidN(9, "eeeeeeee"), deps);
  deepEqual([missing.status, missing.reason], [
    "rejected",
    "the event is not in the signed manifest",
  ]);
  const wrongKey = testPeer(server.url, { publicKey: (await generateSigningKey()).publicKey });
  const refused = await fetchOne(wrongKey, E1.uuid!, {
    ...pullDeps(dir.path, wrongKey),
    now: 1_700_000_000,
  });
  equal(refused.status, "rejected");
  match(refused.reason, /not the pinned key/);
});

Deno.test("testPeerConnection() checks the signature of a peer with a pinned key", async () => {
  const feed = await signedFeed();
  await using server = startFeedServer(feed.files);
  const good = await testPeerConnection(testPeer(server.url, { publicKey: feed.publicKey }), {
    now: () => 0,
  });
  deepEqual([good.status, good.checks.signature], [1, true]);
  match(good.message, /signed with the pinned key/);
  const other = (await generateSigningKey()).publicKey;
  const bad = await testPeerConnection(testPeer(server.url, { publicKey: other }), {
    now: () => 0,
  });
  deepEqual([bad.status, bad.checks.signature], [3, false]);
  match(bad.message, /but the signature does not verify: .*not the pinned key/);
  equal(
    (await testPeerConnection(testPeer(server.url), { now: () => 0 })).checks.signature,
    undefined,
  );
});
