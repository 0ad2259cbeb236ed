import { deepEqual, equal, match, ok } from "node:assert/strict";
import { formatEventDocument } from "../../src/model/mod.ts";
import { bearer, httpFixture, SHARED_UUID } from "../support/http_fixture.ts";
import { sampleAttribute, sampleEvent } from "../support/sample_events.ts";

Deno.test("GET /healthz answers 200 ok", async () => {
  await using f = await httpFixture();
  const response = await f.request("/healthz");
  equal(response.status, 200);
  deepEqual(await response.json(), { status: "ok" });
  equal(response.headers.get("Cache-Control"), "no-store");
});

Deno.test("GET /status with an admin token lists every feed with its event counts, sizes and last render", async () => {
  await using f = await httpFixture({ broken: { audience: "nobody" } });
  const response = await f.request("/status", bearer(f.tokens.admin));
  equal(response.status, 200);
  const status = await response.json();
  equal(status.status, "degraded");
  equal(status.version, "test");
  equal(status.detail, "full");
  deepEqual(status.feeds.map((feed: { name: string }) => feed.name), [
    "broken",
    "internal",
    "public",
  ]);
  const [broken, internal, pub] = status.feeds;
  equal(broken.served, false);
  ok(broken.issues.length > 0);
  match(broken.issues[0].message, /audience/);
  deepEqual([internal.events, internal.access], [2, "token"]);
  deepEqual([pub.events, pub.access, pub.audience], [1, "public", "public (anyone)"]);
  equal(pub.bytes.manifest, f.cache.feed("public")!.manifest().byteLength);
  deepEqual(status.eventFiles, { valid: 2, invalid: 0 });
  equal(status.lastRender.kind, "full");
  equal(status.lastRender.filesRead, 2);
});

async function breakEvent(f: Awaited<ReturnType<typeof httpFixture>>): Promise<void> {
  const broken = sampleEvent({ uuid: SHARED_UUID });
  broken.Attribute = [sampleAttribute(1, { type: "secret-type-name" })];
  const path = `${f.folders.data}/events/${SHARED_UUID}.json`;
  await Deno.writeTextFile(path, formatEventDocument(broken));
  await f.cache.apply([path]);
}

// field-survey.md §4.2 (melicertes/csp#22, opencti#15533): who an instance shares with is itself
// sensitive, and derived views need the same filter as the feeds.
Deno.test("GET /status without a token shows only public feeds and counts: no token feed, audience, file name or issue", async () => {
  await using f = await httpFixture({ broken: { audience: "nobody" } });
  await breakEvent(f);
  const response = await f.request("/status");
  equal(response.status, 200);
  const status = await response.json();
  equal(status.status, "degraded");
  match(status.detail, /^summary/);
  deepEqual(status.feeds.map((feed: { name: string }) => feed.name), ["public"]);
  deepEqual(status.hidden, { feeds: 2, invalidFiles: 1, rejectedRecords: 0 });
  deepEqual(status.eventFiles, { valid: 1, invalid: 1 });
  equal(status.invalidFiles, undefined);
  equal(status.rejectedRecords, undefined);
  const text = JSON.stringify(status);
  for (const secret of ["internal", "broken", SHARED_UUID, "secret-type-name", "attribute.type"]) {
    equal(text.includes(secret), false, secret);
  }
});

Deno.test("GET /status with an admin token lists the invalid files with their issue messages", async () => {
  await using f = await httpFixture();
  await breakEvent(f);
  const status = await (await f.request("/status", bearer(f.tokens.admin))).json();
  equal(status.detail, "full");
  equal(status.hidden, undefined);
  equal(status.invalidFiles.length, 1);
  const [file] = status.invalidFiles;
  equal(file.file, `data/events/${SHARED_UUID}.json`);
  deepEqual(file.lastGoodIn, ["internal", "public"]);
  ok(file.issues.some((issue: { code: string }) => issue.code === "attribute.type.unknown"));
  ok(JSON.stringify(status.invalidFiles).includes("secret-type-name"));
});

Deno.test("GET /status and /metrics with a token that is not an admin token answer 401", async () => {
  await using f = await httpFixture();
  for (const path of ["/status", "/metrics"]) {
    equal((await f.request(path, bearer(f.tokens.internal))).status, 401, path);
    equal((await f.request(path, bearer("kura_wrong"))).status, 401, path);
    equal((await f.request(path, { headers: { Authorization: "Basic a3VyYQ==" } })).status, 401);
  }
});

Deno.test("GET /metrics serves request counts, durations and feed sizes in Prometheus text format", async () => {
  await using f = await httpFixture();
  await f.request("/feeds/public/manifest.json");
  await f.request("/feeds/nope/manifest.json");
  const response = await f.request("/metrics", bearer(f.tokens.admin));
  equal(response.status, 200);
  equal(response.headers.get("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const text = await response.text();
  match(text, /# TYPE kura_http_requests_total counter/);
  match(
    text,
    /\nkura_http_requests_total\{method="GET",route="\/feeds\/\{name\}\/manifest.json",status="200"\} 1\n/,
  );
  match(text, /status="404"\} 1\n/);
  match(
    text,
    /\nkura_http_request_duration_seconds_bucket\{route="\/feeds\/\{name\}\/manifest.json",le="\+Inf"\} 2\n/,
  );
  match(text, /\nkura_feed_events\{feed="public"\} 1\n/);
  match(text, /\nkura_feed_events\{feed="internal"\} 2\n/);
  match(text, /\nkura_feed_bytes\{feed="public",file="manifest"\} \d+\n/);
  match(text, /\nkura_event_files\{state="valid"\} 2\n/);
  match(text, /\nkura_feed_served\{feed="public"\} 1\n/);
});

Deno.test("GET /metrics without a token leaves out the series of token feeds", async () => {
  await using f = await httpFixture();
  await f.request("/feeds/internal/manifest.json", bearer(f.tokens.internal));
  const text = await (await f.request("/metrics")).text();
  match(text, /\nkura_feed_events\{feed="public"\} 1\n/);
  match(text, /# TYPE kura_feed_events gauge\n/);
  equal(text.includes('feed="internal"'), false);
  match(text, /route="\/feeds\/\{name\}\/manifest.json",status="200"\} 1\n/);
  match(text, /\nkura_event_files\{state="valid"\} 2\n/);
});

Deno.test("other methods on the operations routes answer 405", async () => {
  await using f = await httpFixture();
  for (const path of ["/healthz", "/status", "/metrics"]) {
    const response = await f.request(path, { method: "POST" });
    equal(response.status, 405, path);
    equal(response.headers.get("Allow"), "GET, HEAD");
  }
});
