import { deepEqual, equal, match, notEqual, ok } from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { createApp } from "../../src/http/mod.ts";
import { formatEventDocument } from "../../src/model/mod.ts";
import type { FeedCache } from "../../src/publish/mod.ts";
import { textOf } from "../support/feed_folders.ts";
import { bearer, httpFixture, INTERNAL_UUID, SHARED_UUID } from "../support/http_fixture.ts";
import { sampleEvent, uuidN } from "../support/sample_events.ts";

Deno.test("GET /feeds/<public>/manifest.json serves the manifest without a token", async () => {
  await using f = await httpFixture();
  const response = await f.request("/feeds/public/manifest.json");
  equal(response.status, 200);
  const body = await response.text();
  equal(body, textOf(f.cache.feed("public")!.manifest()));
  ok(body.includes(SHARED_UUID));
  equal(body.includes(INTERNAL_UUID), false);
  equal(response.headers.get("Content-Type"), "application/json; charset=utf-8");
  equal(response.headers.get("Content-Length"), String(new TextEncoder().encode(body).length));
  match(response.headers.get("ETag")!, /^"[0-9a-f]{32}"$/);
  equal(response.headers.get("Cache-Control"), "public, no-cache");
  equal(response.headers.get("Vary"), "Accept-Encoding");
});

Deno.test("GET /feeds/<feed>/<uuid>.json and hashes.csv serve the rendered files", async () => {
  await using f = await httpFixture();
  const feed = f.cache.feed("public")!;
  const event = await f.request(`/feeds/public/${SHARED_UUID}.json`);
  equal(event.status, 200);
  equal(await event.text(), textOf(feed.event(SHARED_UUID)));
  const hashes = await f.request("/feeds/public/hashes.csv");
  equal(hashes.status, 200);
  equal(hashes.headers.get("Content-Type"), "text/csv; charset=utf-8");
  const text = await hashes.text();
  equal(text, textOf(feed.hashes()));
  match(text, new RegExp(`^[0-9a-f]{32},${SHARED_UUID}\n`));
  equal(hashes.headers.get("Content-Length"), String(text.length));
});

Deno.test("HEAD answers with the headers of GET and no body", async () => {
  await using f = await httpFixture();
  for (const file of ["manifest.json", "hashes.csv", `${SHARED_UUID}.json`]) {
    const get = await f.request(`/feeds/public/${file}`);
    const head = await f.request(`/feeds/public/${file}`, { method: "HEAD" });
    equal(head.status, 200, file);
    equal(await head.text(), "");
    for (const name of ["Content-Length", "ETag", "Content-Type", "Cache-Control"]) {
      equal(head.headers.get(name), get.headers.get(name), `${file} ${name}`);
    }
  }
});

Deno.test("an event the audience may not see is the same 404 as one that does not exist", async () => {
  await using f = await httpFixture();
  const hidden = await f.request(`/feeds/public/${INTERNAL_UUID}.json`);
  const missing = await f.request(`/feeds/public/${uuidN(99)}.json`);
  equal(hidden.status, 404);
  equal(missing.status, 404);
  equal(await hidden.text(), await missing.text());
  deepEqual([...hidden.headers].sort(), [...missing.headers].sort());
});

const refused: [string, (f: Awaited<ReturnType<typeof httpFixture>>) => RequestInit][] = [
  ["no Authorization header", () => ({})],
  ["a wrong token", () => bearer("kura_thisisnotavalidtoken")],
  ["a token of another feed", (f) => bearer(f.tokens.public)],
  ["an admin token (admin is not a feed scope)", (f) => bearer(f.tokens.admin)],
  [
    "the token in another scheme",
    (f) => ({ headers: { Authorization: `Basic ${f.tokens.internal}` } }),
  ],
  ["the token with a suffix", (f) => bearer(`${f.tokens.internal}x`)],
];
for (const [what, init] of refused) {
  Deno.test(`GET a token feed answers 401 for ${what}`, async () => {
    await using f = await httpFixture();
    const response = await f.request("/feeds/internal/manifest.json", init(f));
    equal(response.status, 401);
    equal(response.headers.get("WWW-Authenticate"), 'Bearer realm="kura"');
    deepEqual(await response.json(), {
      error: "Missing or invalid bearer token (Authorization: Bearer <token>)",
    });
  });
}

Deno.test("GET a token feed ignores a token given in the URL", async () => {
  await using f = await httpFixture();
  const response = await f.request(`/feeds/internal/manifest.json?token=${f.tokens.internal}`);
  equal(response.status, 401);
  ok(!JSON.stringify(f.logs).includes(f.tokens.internal), "the token is not logged");
});

Deno.test("GET a token feed with its token serves every file, private to the reader", async () => {
  await using f = await httpFixture();
  const manifest = await f.request("/feeds/internal/manifest.json", bearer(f.tokens.internal));
  equal(manifest.status, 200);
  equal(manifest.headers.get("Cache-Control"), "private, no-cache");
  const text = await manifest.text();
  ok(text.includes(INTERNAL_UUID) && text.includes(SHARED_UUID));
  const event = await f.request(`/feeds/internal/${INTERNAL_UUID}.json`, bearer(f.tokens.internal));
  equal(event.status, 200);
  match(await event.text(), /Internal only/);
});

Deno.test("GET a token feed checks the token before saying whether a file exists", async () => {
  await using f = await httpFixture();
  for (const file of [`${uuidN(99)}.json`, "nothing.txt"]) {
    equal((await f.request(`/feeds/internal/${file}`)).status, 401, file);
  }
});

const notFound: [string, string][] = [
  ["an unknown feed", "/feeds/nope/manifest.json"],
  ["a feed name in capitals", "/feeds/PUBLIC/manifest.json"],
  ["a dot-dot path", "/feeds/../data/events/x.json"],
  ["a dot-dot file", "/feeds/public/..%2F..%2Fdata%2Fevents%2Fx.json"],
  ["an encoded slash in the feed name", "/feeds/public%2F..%2Finternal/manifest.json"],
  ["an encoded dot-dot as the feed name", "/feeds/%2E%2E/manifest.json"],
  ["an upper-case uuid", `/feeds/public/${SHARED_UUID.toUpperCase()}.json`],
  ["a uuid without .json", `/feeds/public/${SHARED_UUID}`],
  ["a .JSON extension", `/feeds/public/${SHARED_UUID}.JSON`],
  ["a non-uuid event name", "/feeds/public/event.json"],
  ["a file in a subfolder", "/feeds/public/sub/manifest.json"],
  ["a trailing slash", "/feeds/public/manifest.json/"],
  ["the feed folder itself", "/feeds/public/"],
  ["an empty feed name", "//feeds//manifest.json"],
  ["a NUL byte", "/feeds/public/manifest.json%00"],
  ["the definition file", "/feeds/public.json"],
];
for (const [what, path] of notFound) {
  Deno.test(`GET answers 404 for ${what}, asking the feeds only for valid names`, async () => {
    await using f = await httpFixture();
    const asked: string[] = [];
    const spy: Pick<FeedCache, "feed" | "status"> = {
      feed: (name) => (asked.push(name), f.cache.feed(name)),
      status: () => f.cache.status(),
    };
    const app = createApp({ feeds: spy, tokens: { verify: () => Promise.resolve(undefined) } });
    const response = await app.request(path);
    equal(response.status, 404, path);
    match(response.headers.get("Content-Type") ?? "", /application\/json/);
    ok(asked.every((name) => /^[a-z0-9][a-z0-9_-]*$/.test(name)), JSON.stringify(asked));
  });
}

Deno.test("If-None-Match with the current ETag answers 304 without a body, in any coding", async () => {
  await using f = await httpFixture();
  const first = await f.request("/feeds/public/manifest.json");
  const tag = first.headers.get("ETag")!;
  const gzipped = await f.request("/feeds/public/manifest.json", {
    headers: { "Accept-Encoding": "gzip" },
  });
  for (const header of [tag, `W/${tag}`, `"other", ${tag}`, "*", gzipped.headers.get("ETag")!]) {
    const response = await f.request("/feeds/public/manifest.json", {
      headers: { "If-None-Match": header },
    });
    equal(response.status, 304, header);
    equal(await response.text(), "");
    ok(response.headers.get("ETag"));
    equal(response.headers.get("Vary"), "Accept-Encoding");
  }
  const other = await f.request("/feeds/public/manifest.json", {
    headers: { "If-None-Match": '"0123"' },
  });
  equal(other.status, 200);
});

Deno.test("a changed event gives the feed files new ETags, and the old ETag no longer answers 304", async () => {
  await using f = await httpFixture();
  const before = await f.request("/feeds/public/manifest.json");
  const tag = before.headers.get("ETag")!;
  const edited = sampleEvent({ uuid: SHARED_UUID, info: "Edited", timestamp: "1700000500" });
  await Deno.writeTextFile(
    `${f.folders.data}/events/${SHARED_UUID}.json`,
    formatEventDocument(edited),
  );
  await f.cache.apply([`${f.folders.data}/events/${SHARED_UUID}.json`]);
  const after = await f.request("/feeds/public/manifest.json", {
    headers: { "If-None-Match": tag },
  });
  equal(after.status, 200);
  notEqual(after.headers.get("ETag"), tag);
  match(await after.text(), /"Edited"/);
});

Deno.test("Accept-Encoding chooses gzip or brotli, made once per file version", async () => {
  await using f = await httpFixture({}, [sampleEvent({ uuid: SHARED_UUID }, 40)]);
  const plain = await (await f.request(`/feeds/public/${SHARED_UUID}.json`)).text();
  const gzip = await f.request(`/feeds/public/${SHARED_UUID}.json`, {
    headers: { "Accept-Encoding": "gzip, deflate" },
  });
  equal(gzip.headers.get("Content-Encoding"), "gzip");
  match(gzip.headers.get("ETag")!, /-gzip"$/);
  const bytes = new Uint8Array(await gzip.arrayBuffer());
  equal(gzip.headers.get("Content-Length"), String(bytes.length));
  ok(bytes.length < plain.length);
  equal(new TextDecoder().decode(gunzipSync(bytes)), plain);
  const again = await f.request(`/feeds/public/${SHARED_UUID}.json`, {
    headers: { "Accept-Encoding": "gzip" },
  });
  deepEqual(new Uint8Array(await again.arrayBuffer()), bytes);
  const br = await f.request(`/feeds/public/${SHARED_UUID}.json`, {
    headers: { "Accept-Encoding": "gzip, br" },
  });
  equal(br.headers.get("Content-Encoding"), "br");
  const refused = await f.request(`/feeds/public/${SHARED_UUID}.json`, {
    headers: { "Accept-Encoding": "gzip;q=0, br;q=0" },
  });
  equal(refused.headers.get("Content-Encoding"), null);
  equal(await refused.text(), plain);
});

Deno.test("other methods on feed files answer 405 with Allow: GET, HEAD", async () => {
  await using f = await httpFixture();
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
    const response = await f.request("/feeds/public/manifest.json", { method });
    equal(response.status, 405, method);
    equal(response.headers.get("Allow"), "GET, HEAD");
  }
});

Deno.test("a broken feed definition is not served while the other feeds are", async () => {
  await using f = await httpFixture({ broken: "{ not json" });
  equal((await f.request("/feeds/broken/manifest.json")).status, 404);
  equal((await f.request("/feeds/public/manifest.json")).status, 200);
});
