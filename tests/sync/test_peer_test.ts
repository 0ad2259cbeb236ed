// MISP connection-test statuses (misp-behaviour.md §2.2) through a TLS server with a certificate the
// client does not trust, and a plain one.
import { equal, match } from "node:assert/strict";
import { testPeerConnection } from "../../src/sync/mod.ts";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { testPeer } from "../support/pull_fixture.ts";
import { sampleEvent, tempDir } from "../support/sample_events.ts";
import { makeSelfSigned } from "../support/tls_certificates.ts";

Deno.test("testPeerConnection() reports 2 with the TLS check failed for an untrusted certificate", async () => {
  await using dir = await tempDir();
  await makeSelfSigned(dir.path);
  const controller = new AbortController();
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    cert: await Deno.readTextFile(`${dir.path}/cert.pem`),
    key: await Deno.readTextFile(`${dir.path}/key.pem`),
    signal: controller.signal,
    onListen() {},
    onError: () => new Response("tls", { status: 500 }),
  }, () => new Response("{}"));
  try {
    const peer = testPeer(`https://localhost:${server.addr.port}/`);
    const result = await testPeerConnection(peer, { now: () => 0 });
    equal(result.status, 2);
    equal(result.checks.tls, false);
    match(result.message, /TLS with localhost failed/);
  } finally {
    controller.abort();
    await server.finished;
  }
});

Deno.test("testPeerConnection() reports 1 with the event count for a plain HTTP feed", async () => {
  await using server = startFeedServer(feedFiles([sampleEvent()]));
  const result = await testPeerConnection(testPeer(server.url), { now: () => 0 });
  equal(result.status, 1);
  equal(result.entries, 1);
  equal(result.checks.tls, undefined);
});
