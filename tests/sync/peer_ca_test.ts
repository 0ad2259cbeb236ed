// A peer whose certificate comes from its own CA (the usual MISP set-up inside an organisation):
// trusted with `tls.ca`, refused without it, and a bad CA file is a configuration error.
import { deepEqual, equal, match, ok, rejects } from "node:assert/strict";
import { ConfigError } from "../../src/errors.ts";
import { HttpPeerClient, peerCaCerts, testPeerConnection } from "../../src/sync/mod.ts";
import { feedFiles } from "../support/feed_files.ts";
import { testPeer } from "../support/pull_fixture.ts";
import { sampleEvent, tempDir } from "../support/sample_events.ts";
import { makeCa } from "../support/tls_certificates.ts";

/** Serves the feed of one sample event over TLS with the CA-signed certificate. */
async function tlsFeed(dir: string): Promise<Deno.HttpServer & { url: string; close(): void }> {
  const files = feedFiles([sampleEvent()]);
  const controller = new AbortController();
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    cert: await Deno.readTextFile(`${dir}/server.pem`),
    key: await Deno.readTextFile(`${dir}/server.key`),
    signal: controller.signal,
    onListen() {},
    onError: () => new Response("tls", { status: 500 }),
  }, (request) => {
    const body = files[new URL(request.url).pathname];
    return body === undefined ? new Response("no", { status: 404 }) : new Response(body);
  });
  return Object.assign(server, {
    url: `https://localhost:${server.addr.port}/`,
    close: () => controller.abort(),
  });
}

Deno.test("a peer with its CA in tls.ca passes the connection test and serves its manifest over TLS", async () => {
  await using dir = await tempDir();
  await makeCa(dir.path);
  const server = await tlsFeed(dir.path);
  try {
    const peer = testPeer(server.url, { tls: { ca: `${dir.path}/ca.pem` } });
    const result = await testPeerConnection(peer, { now: () => 0 });
    equal(result.status, 1, result.message);
    deepEqual([result.checks.tls, result.entries], [true, 1]);
    const manifest = await new HttpPeerClient(peer).manifest();
    ok(
      !manifest.notModified &&
        Object.keys(JSON.parse(new TextDecoder().decode(manifest.bytes))).length === 1,
    );

    const untrusted = await testPeerConnection(testPeer(server.url), { now: () => 0 });
    deepEqual([untrusted.status, untrusted.checks.tls], [2, false]);
    // Another CA does not open the door either.
    await Deno.mkdir(`${dir.path}/other`);
    await makeCa(`${dir.path}/other`);
    const other = testPeer(server.url, { tls: { ca: `${dir.path}/other/ca.pem` } });
    equal((await testPeerConnection(other, { now: () => 0 })).checks.tls, false);
  } finally {
    server.close();
    await server.finished;
  }
});

Deno.test("peerCaCerts() reads every certificate of the file and refuses a missing or certificate-less file", async () => {
  await using dir = await tempDir();
  equal(await peerCaCerts(testPeer("https://localhost/")), undefined);
  await makeCa(dir.path);
  const pem = await Deno.readTextFile(`${dir.path}/ca.pem`);
  await Deno.writeTextFile(`${dir.path}/two.pem`, `# internal CAs\n${pem}\n${pem}`);
  const two = await peerCaCerts(
    testPeer("https://localhost/", { tls: { ca: `${dir.path}/two.pem` } }),
  );
  equal(two?.length, 2);
  match(two![0]!, /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----$/);

  const missing = testPeer("https://localhost/", { tls: { ca: `${dir.path}/nope.pem` } });
  await rejects(
    peerCaCerts(missing),
    (error: Error) =>
      error instanceof ConfigError &&
      /peer "peer-a": cannot read the CA file .*nope\.pem/.test(error.message),
  );
  const key = testPeer("https://localhost/", { tls: { ca: `${dir.path}/ca.key` } });
  await rejects(
    peerCaCerts(key),
    (error: Error) =>
      error instanceof ConfigError && /holds no PEM certificate/.test(error.message),
  );
  await rejects(testPeerConnection(key, { now: () => 0 }), ConfigError);
});
