import { equal } from "node:assert/strict";
import { httpFixture } from "../support/http_fixture.ts";

Deno.test("requestLimits() refuses headers over the limit with 431", async () => {
  await using f = await httpFixture();
  const response = await f.request("/feeds/public/manifest.json", {
    headers: { "X-Filler": "x".repeat(9000) },
  });
  equal(response.status, 431);
});

Deno.test("requestLimits() refuses a URL over the limit with 414", async () => {
  await using f = await httpFixture();
  equal((await f.request(`/feeds/public/${"a".repeat(3000)}.json`)).status, 414);
});

Deno.test("requestLimits() refuses a body on GET with 413", async () => {
  await using f = await httpFixture();
  const response = await f.request("/feeds/public/manifest.json", {
    headers: { "Content-Length": "5" },
  });
  equal(response.status, 413);
  const chunked = await f.request("/feeds/public/manifest.json", {
    headers: { "Transfer-Encoding": "chunked" },
  });
  equal(chunked.status, 413);
});

Deno.test("requestLimits() lets ordinary requests through", async () => {
  await using f = await httpFixture();
  const response = await f.request("/feeds/public/manifest.json", {
    headers: { "Content-Length": "0", "User-Agent": "MISP 2.5" },
  });
  equal(response.status, 200);
});
