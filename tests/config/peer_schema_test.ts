import { deepEqual, equal, throws } from "node:assert/strict";
import { ConfigError } from "../../src/errors.ts";
import { PEER_DEFAULTS, resolveConfig } from "../../src/config/mod.ts";

const ORG = "11111111-1111-4111-8111-111111111111";
const base = { name: "circl", url: "https://feed.example/misp", orgs: [ORG] };

Deno.test("resolveConfig() resolves a peer with every documented default", () => {
  const [peer] = resolveConfig({ peers: [base] }, { cwd: "/srv" }).peers;
  equal(peer?.url, "https://feed.example/misp/");
  equal(peer?.interval, PEER_DEFAULTS.interval);
  equal(peer?.distribution, "keep");
  equal(peer?.internal, false);
  equal(peer?.allowPrivateNetwork, false);
  equal(peer?.concurrency, 4);
  equal(peer?.token, undefined);
  equal(peer?.caFile, undefined);
  deepEqual(peer?.rules, {
    tags: { OR: [], NOT: [] },
    orgs: { OR: [], NOT: [] },
    minTimestamp: undefined,
    excludeTypes: [],
  });
  deepEqual(peer?.limits, {
    maxManifestBytes: 64 * 1024 * 1024,
    maxEventBytes: 64 * 1024 * 1024,
    connectTimeout: 10,
    timeout: 300,
  });
});

Deno.test("resolveConfig() resolves a peer's tls.ca against the config file's folder", () => {
  const config = resolveConfig({
    peers: [
      { ...base, tls: { ca: "certs/internal-ca.pem" } },
      { ...base, name: "b", tls: { ca: "/etc/ssl/misp-ca.pem" } },
    ],
  }, { cwd: "/srv", file: "/etc/kura/kura.json" });
  deepEqual(config.peers.map((peer) => peer.caFile), [
    "/etc/kura/certs/internal-ca.pem",
    "/etc/ssl/misp-ca.pem",
  ]);
  for (const tls of [{ ca: "" }, { ca: 3 }, { cert: "x.pem" }]) {
    throws(
      () => resolveConfig({ peers: [{ ...base, tls }] }, { cwd: "/srv" }),
      (error: Error) => error instanceof ConfigError && /field "peers\.0\.tls/.test(error.message),
    );
  }
});

Deno.test("resolveConfig() reads a peer token from an environment variable or a state file", () => {
  const config = resolveConfig({
    limits: { maxEventBytes: 4096 },
    peers: [
      { ...base, token: { env: "KURA_PEER_CIRCL_TOKEN" } },
      {
        ...base,
        name: "b",
        token: { file: "secrets/b.token", header: "X-Api-Key", scheme: "raw" },
      },
    ],
  }, { cwd: "/srv" });
  deepEqual(config.peers[0]?.token, {
    source: { env: "KURA_PEER_CIRCL_TOKEN" },
    header: "Authorization",
    scheme: "bearer",
  });
  deepEqual(config.peers[1]?.token, {
    source: { file: "secrets/b.token" },
    header: "X-Api-Key",
    scheme: "raw",
  });
  equal(config.peers[0]?.limits.maxEventBytes, 4096);
});

const bad: [string, Record<string, unknown>, RegExp][] = [
  ["a literal token", { token: "s3cret" }, /secret must not be written in the config/],
  ["an env name without the KURA_ prefix", { token: { env: "TOKEN" } }, /peers.0.token/],
  ["a token file outside the state folder", { token: { file: "../x" } }, /peers.0.token/],
  ["a URL with credentials", { url: "https://u:p@feed.example/" }, /must not embed credentials/],
  ["a non-http URL", { url: "file:///etc/passwd" }, /http:\/\/ or https:\/\//],
  ["no orgs", { orgs: [] }, /at least one org/],
  ["an org that is not a uuid", { orgs: ["CIRCL"] }, /peers.0.orgs.0/],
  ["an interval under 10 s", { interval: 1 }, /peers.0.interval/],
  ["distribution 4", { distribution: 4 }, /peers.0.distribution/],
  ["an unknown field", { pasword: "x" }, /peers.0.pasword/],
];
for (const [what, change, message] of bad) {
  Deno.test(`resolveConfig() refuses a peer with ${what}`, () => {
    throws(
      () => resolveConfig({ peers: [{ ...base, ...change }] }, { cwd: "/", file: "/k/kura.json" }),
      (e: Error) => e instanceof ConfigError && message.test(e.message),
    );
  });
}
