import { deepEqual, equal, match, ok } from "node:assert/strict";
import {
  feedRequests,
  type Logger,
  MetricsRegistry,
  requestLimitCheck,
  requestRecorder,
} from "../../src/http/mod.ts";
import type { FeedCache } from "../../src/publish/mod.ts";
import { bearer, httpFixture, SHARED_UUID } from "../support/http_fixture.ts";

type Fixture = Awaited<ReturnType<typeof httpFixture>>;

/** The feed path over the fixture's feeds (or `feeds`), logging to `logs`. */
function feedPath(f: Fixture, feeds: Pick<FeedCache, "feed" | "status"> = f.cache) {
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = (level, msg, fields) => logs.push({ level, msg, ...fields });
  const handle = feedRequests({
    feeds,
    tokens: { verify: () => undefined },
    limits: requestLimitCheck(),
    record: requestRecorder(logger, new MetricsRegistry()),
    logger,
  });
  return { handle, logs };
}

const others = ["/healthz", "/status", "/feeds/public.json", "/feeds/public/", "/feeds/a/b/c"];
for (const path of others) {
  Deno.test(`feedRequests() leaves ${path} to the app`, async () => {
    await using f = await httpFixture();
    const { handle, logs } = feedPath(f);
    equal(handle(new Request(`http://localhost${path}`)), undefined);
    equal(logs.length, 0);
  });
}

Deno.test("feedRequests() answers a public file synchronously once its copies are made", async () => {
  await using f = await httpFixture();
  const { handle, logs } = feedPath(f);
  const request = () => new Request(`http://localhost/feeds/public/${SHARED_UUID}.json`);
  await handle(request());
  const answer = handle(request(), { remoteAddr: { hostname: "192.0.2.1" } });
  ok(answer instanceof Response, "no Promise on the common path");
  equal(answer.status, 200);
  equal(logs[1]!.remote, "192.0.2.1");
});

Deno.test("feedRequests() answers a failure of the feeds with a 500 that hides the cause, and logs it", async () => {
  await using f = await httpFixture();
  const { handle, logs } = feedPath(f, {
    feed: () => {
      throw new Error("cannot read /srv/secret.json");
    },
    status: () => f.cache.status(),
  });
  const response = await handle(new Request("http://localhost/feeds/public/manifest.json"))!;
  equal(response.status, 500);
  equal(response.headers.get("X-Content-Type-Options"), "nosniff");
  equal(response.headers.get("Cache-Control"), "no-store");
  const body = await response.text();
  equal(body.includes("secret"), false);
  deepEqual(logs.map((line) => [line.level, line.msg]), [
    ["error", "request failed"],
    ["error", "request"],
  ]);
  match(String(logs[0]!.error), /cannot read \/srv\/secret.json/);
});

Deno.test("feedRequests() answers HEAD for a missing file with the headers of GET and no body", async () => {
  await using f = await httpFixture();
  const { handle } = feedPath(f);
  const url = "http://localhost/feeds/public/nothing.json";
  const get = await handle(new Request(url))!;
  const head = await handle(new Request(url, { method: "HEAD" }))!;
  equal(head.status, 404);
  equal(await head.text(), "");
  deepEqual([...head.headers], [...get.headers]);
});

Deno.test("feedRequests() refuses oversized requests before routing them (route unmatched)", async () => {
  await using f = await httpFixture();
  const { handle, logs } = feedPath(f);
  const response = await handle(
    new Request("http://localhost/feeds/internal/manifest.json", bearer("x".repeat(9000))),
  )!;
  equal(response.status, 431);
  equal(logs[0]!.route, "unmatched");
  equal(logs[0]!.feed, undefined);
});
