import { equal } from "node:assert/strict";
import { httpFixture } from "../support/http_fixture.ts";

const inputs: [string, (origin: string) => string | URL | Request][] = [
  ["a path", () => "/feeds/public/manifest.json"],
  ["a path without its leading slash", () => "feeds/public/manifest.json"],
  ["a URL string", (origin) => `${origin}/feeds/public/manifest.json`],
  ["a URL", (origin) => new URL(`${origin}/feeds/public/manifest.json`)],
  ["a Request", (origin) => new Request(`${origin}/feeds/public/manifest.json`)],
];
for (const [what, input] of inputs) {
  Deno.test(`createApp().request() takes ${what}, as Hono's app.request does`, async () => {
    await using f = await httpFixture();
    const response = await f.app.request(input("http://127.0.0.1:8080"));
    equal(response.status, 200);
    equal(f.logs[0]!.path, "/feeds/public/manifest.json");
  });
}

Deno.test("createApp().fetch() logs the client's address on feed reads and on other routes", async () => {
  await using f = await httpFixture();
  const info = { remoteAddr: { transport: "tcp" as const, hostname: "192.0.2.7", port: 40000 } };
  for (const path of ["/feeds/public/manifest.json", "/healthz", "/nothing"]) {
    const response = await f.app.fetch(new Request(`http://localhost${path}`), info);
    await response.body?.cancel();
  }
  equal(f.logs.map((line) => line.remote).join(" "), "192.0.2.7 192.0.2.7 192.0.2.7");
});

Deno.test("createApp().request() applies init to a Request, as Hono's app.request does", async () => {
  await using f = await httpFixture();
  const response = await f.app.request(new Request("http://localhost/feeds/public/manifest.json"), {
    method: "DELETE",
  });
  equal(response.status, 405);
  equal(response.headers.get("Allow"), "GET, HEAD");
});
