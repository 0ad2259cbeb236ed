import { deepEqual, equal } from "node:assert/strict";
import fc from "fast-check";
import { Hono } from "hono";
import { getPath } from "hono/utils/url";
import { eventUuidOfFile, feedFileOfPath, isFeedName } from "../../src/http/mod.ts";

const uuid = "0f250d30-e5c9-58a9-996b-ef026da6f778";
const files: [string, string | undefined][] = [
  [`${uuid}.json`, uuid],
  [`${uuid.toUpperCase()}.json`, undefined],
  [uuid, undefined],
  [`${uuid}.json.gz`, undefined],
  [`../${uuid}.json`, undefined],
  [`x${uuid}.json`, undefined],
  ["manifest.json", undefined],
];
for (const [file, expected] of files) {
  Deno.test(`eventUuidOfFile() reads ${JSON.stringify(file)} as ${expected ?? "no event"}`, () => {
    equal(eventUuidOfFile(file), expected);
  });
}

const names: [string, boolean][] = [
  ["public", true],
  ["energy-sector_2", true],
  ["", false],
  ["..", false],
  ["a/b", false],
  ["Public", false],
  ["-x", false],
  ["a".repeat(65), false],
];
for (const [name, expected] of names) {
  Deno.test(`isFeedName() is ${expected} for ${JSON.stringify(name)}`, () => {
    equal(isFeedName(name), expected);
  });
}

/** Where Hono routes `path` with the route `/feeds/:name/:file` (the feed route as it was). */
async function honoRouted(path: string): Promise<{ name: string; file: string } | undefined> {
  const app = new Hono();
  app.all(
    "/feeds/:name/:file",
    (c) => c.json({ name: c.req.param("name"), file: c.req.param("file") }),
  );
  const response = await app.fetch(new Request(`http://localhost${path}`));
  return response.status === 200 ? await response.json() : undefined;
}

const tricky = [
  "/feeds/public/manifest.json",
  "/feeds/public/manifest.json?x=1#y",
  "/feeds/public/manifest.json/",
  "/feeds/public/",
  "/feeds//manifest.json",
  "//feeds/public/manifest.json",
  "/feeds/public/sub/manifest.json",
  "/feeds/public.json",
  "/feeds/public%2F..%2Finternal/manifest.json",
  "/feeds/%2E%2E/manifest.json",
  "/feeds/public/..%2F..%2Fdata%2Fevents%2Fx.json",
  "/feeds/public/manifest.json%00",
  "/feeds/p%C3%BCblic/manifest.json",
  "/feeds/public/%E0%A4%A.json",
  "/feeds/public/%25252F.json",
  "/feeds/public/a%2.json",
  "/feeds/public/a+b%20c.json",
  "/FEEDS/public/manifest.json",
  "/feedsx/public/manifest.json",
];
for (const path of tricky) {
  Deno.test(`feedFileOfPath() names the feed and file Hono's router gives for ${path}`, async () => {
    const request = new Request(`http://localhost${path}`);
    deepEqual(
      feedFileOfPath(getPath(request)),
      await honoRouted(new URL(request.url).pathname + new URL(request.url).search),
    );
  });
}

Deno.test("feedFileOfPath() agrees with Hono's router on generated paths", async () => {
  const segment = fc.stringMatching(/^(?:[a-z0-9._~+-]|%[0-9A-Fa-f]{2}|%|\/){0,12}$/);
  await fc.assert(
    fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), async (segments) => {
      const path = `/${segments.join("/")}`.replace(/^\/?/, "/feeds/");
      const request = new Request(`http://localhost${path}`);
      const url = new URL(request.url);
      deepEqual(feedFileOfPath(getPath(request)), await honoRouted(url.pathname), path);
    }),
    { numRuns: 300 },
  );
});
