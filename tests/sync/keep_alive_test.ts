// Keep-alive in the peer client: one connection for many files of one origin, never shared across
// origins, and a kept connection the server dropped is replaced without the caller noticing.
import { deepEqual, equal, ok } from "node:assert/strict";
import { ConnectionPool } from "../../src/sync/connection_pool.ts";
import { HttpPeerClient } from "../../src/sync/mod.ts";
import { safeFetch } from "../../src/sync/safe_fetch.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { testPeer } from "../support/pull_fixture.ts";

const LOCAL = { allowPrivateNetwork: true };
const FILES = Object.fromEntries(
  Array.from({ length: 6 }, (_, index) => [`/f${index}.json`, `{"n":${index}}`]),
);

Deno.test("safeFetch() with a pool sends one origin's requests on one connection; without, one each", async () => {
  await using server = startFeedServer(FILES);
  const pool = new ConnectionPool();
  try {
    for (const path of Object.keys(FILES)) {
      const response = await safeFetch(`${server.url}${path.slice(1)}`, { ...LOCAL, pool });
      equal(response.status, 200);
    }
    equal(new Set(server.requests.map((request) => request.clientPort)).size, 1);
    equal(pool.size, 1);
  } finally {
    pool.closeIdle();
  }
  equal(pool.size, 0);
  server.requests.length = 0;
  for (const path of Object.keys(FILES)) await safeFetch(`${server.url}${path.slice(1)}`, LOCAL);
  equal(new Set(server.requests.map((request) => request.clientPort)).size, 6);
});

Deno.test("a redirect to another origin gets its own connection and never the credential", async () => {
  await using target = startFeedServer({ "/m.json": "{}" });
  await using origin = startFeedServer({ "/a.json": "{}" });
  origin.behaviours.set("/m.json", { redirect: `${target.url}m.json` });
  const pool = new ConnectionPool();
  const credential = { name: "Authorization", value: "Bearer secret" };
  try {
    await safeFetch(`${origin.url}a.json`, { ...LOCAL, pool, credential });
    const redirected = await safeFetch(`${origin.url}m.json`, { ...LOCAL, pool, credential });
    equal(redirected.redirects, 1);
    await safeFetch(`${origin.url}a.json`, { ...LOCAL, pool, credential });
    equal(new Set(origin.requests.map((request) => request.clientPort)).size, 1);
    deepEqual(origin.requests.map((request) => request.headers.get("authorization")), [
      "Bearer secret",
      "Bearer secret",
      "Bearer secret",
    ]);
    equal(target.requests[0]!.headers.get("authorization"), null);
    equal(pool.size, 2, "one idle connection per origin");
  } finally {
    pool.closeIdle();
  }
});

/** A server answering each request with keep-alive, then closing each connection after one answer. */
function forgetfulServer(): { url: string; accepted: () => number; close(): Promise<void> } {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let accepted = 0;
  const handled: Promise<void>[] = [];
  const loop = (async () => {
    for await (const conn of listener) {
      accepted++;
      handled.push((async () => {
        await conn.read(new Uint8Array(4096));
        await conn.write(
          new TextEncoder().encode("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
        );
        conn.close(); // as a server whose keep-alive timeout has passed
      })());
    }
  })();
  return {
    url: `http://127.0.0.1:${(listener.addr as Deno.NetAddr).port}/`,
    accepted: () => accepted,
    async close() {
      listener.close();
      await loop.catch(() => {});
      await Promise.all(handled);
    },
  };
}

Deno.test("safeFetch() sends the request again on a new connection when a kept one was dropped", async () => {
  const server = forgetfulServer();
  const pool = new ConnectionPool();
  try {
    for (let round = 0; round < 3; round++) {
      const response = await safeFetch(`${server.url}x.json`, { ...LOCAL, pool });
      equal(new TextDecoder().decode(response.body), "ok");
      await new Promise((resolve) => setTimeout(resolve, 20)); // the close reaches the client
    }
    equal(server.accepted(), 3);
  } finally {
    pool.closeIdle();
    await server.close();
  }
});

Deno.test("ConnectionPool closes idle connections after idleMs, keeps at most maxIdlePerOrigin", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const server: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const conn of listener) server.push(conn);
  })();
  const pool = new ConnectionPool({ idleMs: 30, maxIdlePerOrigin: 2 });
  const conns = await Promise.all(
    [1, 2, 3].map(() => Deno.connect({ hostname: "127.0.0.1", port })),
  );
  for (const conn of conns) pool.give("http://a", conn);
  equal(pool.size, 2, "the third is closed at once");
  equal(pool.take("http://b"), undefined);
  const taken = pool.take("http://a");
  equal(taken, conns[1], "the most recently kept first");
  taken!.close();
  await new Promise((resolve) => setTimeout(resolve, 80));
  equal(pool.size, 0);
  equal(pool.take("http://a"), undefined);
  listener.close();
  await accepting.catch(() => {});
  for (const conn of server) conn.close();
});

Deno.test("HttpPeerClient fetches a manifest and many events over few connections", async () => {
  const events = Object.fromEntries(
    Array.from({ length: 20 }, (_, index) => [
      `/eeeeeeee-0000-4000-8000-${String(index).padStart(12, "0")}.json`,
      '{"Event":{}}',
    ]),
  );
  await using server = startFeedServer({ "/manifest.json": "{}", ...events });
  const client = new HttpPeerClient(testPeer(server.url));
  try {
    await client.manifest();
    for (const path of Object.keys(events)) await client.event(path.slice(1, -5));
    equal(server.requests.length, 21);
    ok(new Set(server.requests.map((request) => request.clientPort)).size === 1);
  } finally {
    client.closeIdle();
  }
});
