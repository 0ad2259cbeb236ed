import { equal } from "node:assert/strict";
import { Hono } from "hono";
import {
  type AppEnv,
  bearerToken,
  errorResponse,
  requireToken,
  type TokenVerifier,
} from "../../src/http/mod.ts";
import type { TokenRecord } from "../../src/store/mod.ts";

const headers: [string | undefined, string | undefined][] = [
  [undefined, undefined],
  ["", undefined],
  ["Bearer kura_abc-_DEF", "kura_abc-_DEF"],
  ["bearer kura_abc", "kura_abc"],
  ["Bearer   kura_abc  ", "kura_abc"],
  ["Bearer", undefined],
  ["Bearer ", undefined],
  ["Basic a3VyYTp4", undefined],
  ["Bearer a b", undefined],
  ["Bearer kura_a, Bearer kura_b", undefined],
  ["Bearerkura_abc", undefined],
];
for (const [header, token] of headers) {
  Deno.test(`bearerToken() reads ${JSON.stringify(header)} as ${JSON.stringify(token)}`, () => {
    equal(bearerToken(header), token);
  });
}

Deno.test("requireToken() lets a request with a token of the scope through, and sets the token", async () => {
  const record: TokenRecord = {
    id: "abcd1234",
    scope: "admin",
    sha256: "",
    label: "",
    created: "",
  };
  const seen: string[] = [];
  const tokens: TokenVerifier = {
    verify: (token, scope) => {
      seen.push(`${scope}:${token}`);
      return Promise.resolve(token === "kura_good" ? record : undefined);
    },
  };
  const app = new Hono<AppEnv>();
  app.use("/admin/*", requireToken(tokens, () => "admin"));
  app.get("/admin/x", (c) => c.text(c.get("token").id));
  app.onError((error, c) => errorResponse(c, error));
  equal((await app.request("/admin/x")).status, 401);
  equal(
    (await app.request("/admin/x", { headers: { Authorization: "Bearer kura_bad" } })).status,
    401,
  );
  const ok = await app.request("/admin/x", { headers: { Authorization: "Bearer kura_good" } });
  equal(ok.status, 200);
  equal(await ok.text(), "abcd1234");
  equal(seen.join(" "), "admin:kura_bad admin:kura_good");
});
