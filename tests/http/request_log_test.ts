import { deepEqual, equal, ok } from "node:assert/strict";
import { bearer, httpFixture } from "../support/http_fixture.ts";

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
  ok(f.tokens.internal.includes(line.token as string));
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
