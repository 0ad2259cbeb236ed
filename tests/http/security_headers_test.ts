import { equal } from "node:assert/strict";
import { httpFixture } from "../support/http_fixture.ts";

const paths: [string, string][] = [
  ["a feed file", "/feeds/public/manifest.json"],
  ["a 401", "/feeds/internal/manifest.json"],
  ["a 404", "/nothing"],
  ["/status", "/status"],
];
for (const [what, path] of paths) {
  Deno.test(`securityHeaders() sets the security headers on ${what}`, async () => {
    await using f = await httpFixture();
    const response = await f.request(path);
    equal(response.headers.get("X-Content-Type-Options"), "nosniff");
    equal(response.headers.get("X-Frame-Options"), "DENY");
    equal(response.headers.get("Referrer-Policy"), "no-referrer");
    equal(
      response.headers.get("Content-Security-Policy"),
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    equal(response.headers.get("Cross-Origin-Resource-Policy"), "same-origin");
  });
}
