import { deepEqual, equal, match, ok } from "node:assert/strict";
import { createHash } from "node:crypto";
import { jsonLineLogger, MetricsRegistry, requestRecorder } from "../../src/http/mod.ts";
import { bearer, httpFixture, SHARED_UUID } from "../support/http_fixture.ts";
import { sampleEvent } from "../support/sample_events.ts";

Deno.test("requestLog() writes one line per request with method, path, route, status, bytes and time", async () => {
  await using f = await httpFixture();
  await f.request("/feeds/public/manifest.json?since=1", { headers: { "User-Agent": "MISP" } });
  equal(f.logs.length, 1);
  const line = f.logs[0]!;
  equal(line.level, "info");
  equal(line.msg, "request");
  equal(line.method, "GET");
  equal(line.path, "/feeds/public/manifest.json");
  equal(line.route, "/feeds/{name}/manifest.json");
  equal(line.status, 200);
  equal(line.feed, "public");
  equal(line.agent, "MISP");
  equal(line.bytes, f.cache.feed("public")!.manifest().byteLength);
  ok(typeof line.ms === "number");
});

Deno.test("requestLog() names the token used by its id, never the token", async () => {
  await using f = await httpFixture();
  await f.request("/feeds/internal/manifest.json", bearer(f.tokens.internal));
  const line = f.logs[0]!;
  equal(line.status, 200);
  equal(typeof line.token, "string");
  const sha256 = createHash("sha256").update(f.tokens.internal).digest("hex");
  match(line.token as string, /^[0-9a-f]{8}$/);
  ok(sha256.startsWith(line.token as string), "the id is the start of the stored hash");
  equal(JSON.stringify(f.logs).includes(f.tokens.internal), false);
});

Deno.test("requestLog() logs refused and unmatched requests too", async () => {
  await using f = await httpFixture();
  await f.request("/feeds/internal/manifest.json");
  await f.request("/wp-admin");
  deepEqual(f.logs.map((line) => [line.status, line.route]), [
    [401, "/feeds/{name}/manifest.json"],
    [
      404,
      "unmatched",
    ],
  ]);
});

Deno.test("requestRecorder() writes lines that are valid JSON whatever the path and agent hold", () => {
  const lines: string[] = [];
  const metrics = new MetricsRegistry();
  const record = requestRecorder(
    jsonLineLogger((line) => lines.push(line), () => new Date(0)),
    metrics,
  );
  const odd = ['/feeds/a"b\\c/\n\r\t\u0001\u2028ü\ud800.json', "x".repeat(300)];
  for (const text of odd) {
    record({
      method: "GET",
      path: text,
      route: undefined,
      status: 404,
      bytes: undefined,
      encoding: undefined,
      ms: 0.123456,
      feed: undefined,
      token: undefined,
      remote: "::1",
      agent: text,
    });
  }
  equal(lines.length, 2);
  for (const line of lines) equal(line.slice(0, -1).includes("\n"), false, "one line per request");
  deepEqual(JSON.parse(lines[0]!), {
    time: "1970-01-01T00:00:00.000Z",
    level: "info",
    msg: "request",
    method: "GET",
    path: odd[0],
    route: "unmatched",
    status: 404,
    ms: 0.12,
    remote: "::1",
    agent: odd[0],
  });
  const long = JSON.parse(lines[1]!);
  equal(long.path, `${"x".repeat(256)}…`);
  equal(long.agent, `${"x".repeat(128)}…`);
});

Deno.test("requestRecorder() writes every field in a fixed order, errors as level error", () => {
  const lines: string[] = [];
  const record = requestRecorder(
    jsonLineLogger((line) => lines.push(line), () => new Date(0)),
    new MetricsRegistry(),
  );
  record({
    method: "BREW",
    path: "/feeds/internal/manifest.json",
    route: "/feeds/{name}/manifest.json",
    status: 500,
    bytes: 1234,
    encoding: "gzip",
    ms: 2,
    feed: "internal",
    token: "abcd1234",
    remote: "127.0.0.1",
    agent: "MISP",
  });
  const line = JSON.parse(lines[0]!);
  deepEqual(Object.keys(line), [
    "time",
    "level",
    "msg",
    "method",
    "path",
    "route",
    "status",
    "bytes",
    "encoding",
    "ms",
    "feed",
    "token",
    "remote",
    "agent",
  ]);
  equal(line.level, "error");
  equal(line.method, "BREW");
  equal(line.bytes, 1234);
});

Deno.test("requestLog() logs the bytes and coding sent: the file's, none for 304, 405 and 404", async () => {
  await using f = await httpFixture({}, [sampleEvent({ uuid: SHARED_UUID }, 40)]);
  const path = `/feeds/public/${SHARED_UUID}.json`;
  const gzip = await f.request(path, { headers: { "Accept-Encoding": "gzip" } });
  await gzip.arrayBuffer();
  await f.request(path, { method: "HEAD" });
  await f.request(path, { headers: { "If-None-Match": gzip.headers.get("ETag")! } });
  await f.request(path, { method: "POST" });
  await f.request("/feeds/public/nothing.json");
  deepEqual(f.logs.map((line) => [line.method, line.status, line.bytes, line.encoding]), [
    ["GET", 200, Number(gzip.headers.get("Content-Length")), "gzip"],
    ["HEAD", 200, f.cache.feed("public")!.event(SHARED_UUID)!.byteLength, undefined],
    ["GET", 304, undefined, undefined],
    ["POST", 405, undefined, undefined],
    ["GET", 404, undefined, undefined],
  ]);
  deepEqual(f.logs.map((line) => line.feed), ["public", "public", "public", undefined, "public"]);
});
