// Egress rules: field-survey.md §4.2 (CVE-2026-86419) and §4.3 point 2; redirect limit of
// misp-behaviour.md §3.3 (at most 5).
import { deepEqual, equal, match, ok, rejects } from "node:assert/strict";
import { TransferError } from "../../src/errors.ts";
import { safeFetch } from "../../src/sync/safe_fetch.ts";
import { startFeedServer } from "../support/feed_server.ts";

const LOCAL = { allowPrivateNetwork: true };

function problem(kind: string, text?: RegExp) {
  return (e: Error) => {
    ok(e instanceof TransferError, `expected TransferError, got ${e}`);
    equal(e.problem, kind, e.message);
    if (text) match(e.message, text);
    return true;
  };
}

Deno.test("safeFetch() returns the body and headers of a 200 answer", async () => {
  await using server = startFeedServer({ "/a.json": '{"a":1}' });
  const response = await safeFetch(`${server.url}a.json`, LOCAL);
  equal(response.status, 200);
  equal(new TextDecoder().decode(response.body), '{"a":1}');
  ok(response.headers.get("etag"));
});

Deno.test("safeFetch() refuses loopback unless the peer allows the private network", async () => {
  await using server = startFeedServer({ "/a.json": "{}" });
  await rejects(safeFetch(`${server.url}a.json`), problem("address-refused", /loopback/));
  equal(server.requests.length, 0, "no connection was made");
});

Deno.test("safeFetch() refuses schemes other than http and https", async () => {
  await rejects(safeFetch("file:///etc/passwd", LOCAL), problem("address-refused", /only http/));
  await rejects(safeFetch("ftp://127.0.0.1/x", LOCAL), problem("address-refused"));
});

Deno.test("safeFetch() refuses a name that resolves to any private address", async () => {
  await rejects(
    safeFetch("http://feed.example/x", {
      resolve: () => Promise.resolve(["93.184.216.34", "10.0.0.1"]),
    }),
    problem("address-refused", /10\.0\.0\.1 is private/),
  );
});

Deno.test("safeFetch() decodes gzip bodies", async () => {
  await using server = startFeedServer({ "/a.json": "x".repeat(5000) });
  server.behaviours.set("/a.json", { gzip: true });
  const response = await safeFetch(`${server.url}a.json`, LOCAL);
  equal(response.body.length, 5000);
  ok(response.wireBytes < 200);
});

Deno.test("safeFetch() stops a gzip bomb at the decoded limit", async () => {
  await using server = startFeedServer({ "/bomb.json": new Uint8Array(200 * 1024 * 1024) });
  server.behaviours.set("/bomb.json", { gzip: true });
  await rejects(
    safeFetch(`${server.url}bomb.json`, { ...LOCAL, maxBodyBytes: 1024 * 1024 }),
    problem("too-large", /decompresses to more than 1048576 bytes/),
  );
});

Deno.test("safeFetch() refuses a body over the wire limit from its Content-Length", async () => {
  await using server = startFeedServer({ "/big.json": new Uint8Array(100_000) });
  await rejects(
    safeFetch(`${server.url}big.json`, { ...LOCAL, maxWireBytes: 10_000 }),
    problem("too-large", /100000 bytes/),
  );
});

Deno.test("safeFetch() reports a truncated body", async () => {
  await using server = startFeedServer({ "/t.json": "y".repeat(10_000) });
  server.behaviours.set("/t.json", { truncate: true });
  await rejects(safeFetch(`${server.url}t.json`, LOCAL), problem("bad-response", /truncated/));
});

Deno.test("safeFetch() gives up after the total timeout", async () => {
  await using server = startFeedServer({ "/slow.json": "{}" });
  server.behaviours.set("/slow.json", { delayMs: 2000 });
  const started = Date.now();
  await rejects(
    safeFetch(`${server.url}slow.json`, { ...LOCAL, timeoutMs: 200 }),
    problem("timeout"),
  );
  ok(Date.now() - started < 1500);
});

Deno.test("safeFetch() reports a closed port as unreachable", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  await rejects(safeFetch(`http://127.0.0.1:${port}/x`, LOCAL), problem("unreachable"));
});

Deno.test("safeFetch() follows up to 5 redirects and refuses the sixth", async () => {
  await using server = startFeedServer({ "/end.json": "{}" });
  for (let i = 0; i < 6; i++) server.behaviours.set(`/r${i}`, { redirect: `/r${i + 1}` });
  server.behaviours.set("/r6", { redirect: "/end.json" });
  const five = await safeFetch(`${server.url}r2`, LOCAL);
  equal(five.redirects, 5);
  equal(five.status, 200);
  await rejects(safeFetch(`${server.url}r1`, LOCAL), problem("redirect", /more than 5 redirects/));
});

Deno.test("safeFetch() never sends the credential to another host after a redirect", async () => {
  await using other = startFeedServer({ "/x.json": "{}" });
  await using server = startFeedServer();
  server.behaviours.set("/x.json", { redirect: `http://localhost:${other.port}/x.json` });
  const response = await safeFetch(`${server.url}x.json`, {
    ...LOCAL,
    credential: { name: "Authorization", value: "Bearer secret" },
  });
  equal(response.status, 200);
  equal(server.requests[0]?.headers.get("authorization"), "Bearer secret");
  equal(other.requests[0]?.headers.get("authorization"), null);
});

Deno.test("safeFetch() applies the egress check to the redirect target too", async () => {
  await using server = startFeedServer();
  server.behaviours.set("/x.json", { redirect: "http://169.254.169.254/latest/meta-data" });
  await rejects(
    safeFetch(`http://feed.example:${server.port}/x.json`, {
      resolve: (host) => Promise.resolve(host === "feed.example" ? ["127.0.0.1"] : [host]),
      allowPrivateNetwork: false,
    }),
    problem("address-refused"),
  );
});

Deno.test("safeFetch() returns non-2xx statuses for the caller to judge", async () => {
  await using server = startFeedServer();
  server.behaviours.set("/e", { status: 500, body: "boom" });
  const response = await safeFetch(`${server.url}e`, LOCAL);
  equal(response.status, 500);
  deepEqual(new TextDecoder().decode(response.body), "boom");
});
