import { deepEqual, equal, throws } from "node:assert/strict";
import { ConfigError } from "../../src/errors.ts";
import { DEFAULTS, joinPath, resolveConfig } from "../../src/config/mod.ts";

Deno.test("resolveConfig() applies every default when there is no config file", () => {
  const config = resolveConfig(undefined, { cwd: "/srv/intel" });
  equal(config.data, "/srv/intel/data");
  equal(config.feeds, "/srv/intel/feeds");
  equal(config.state, "/srv/intel/.kura");
  deepEqual(config.server, DEFAULTS.server);
  equal(config.limits.maxEventBytes, 64 * 1024 * 1024);
  deepEqual(config.libraries, { taxonomies: undefined, galaxy: undefined, objects: undefined });
});

Deno.test("resolveConfig() resolves file paths against the config's folder and flags against the working folder", () => {
  const config = resolveConfig(
    { data: "intel", libraries: { taxonomies: "../misp-taxonomies" } },
    { cwd: "/home/me", file: "/etc/kura/kura.json" },
    { state: "run/state" },
  );
  equal(config.data, "/etc/kura/intel");
  equal(config.libraries.taxonomies, "/etc/misp-taxonomies");
  equal(config.state, "/home/me/run/state");
});

const PEER = { name: "a", url: "https://a.example/feed", orgs: ["*"] };
const bad: [string, unknown, RegExp][] = [
  ["an unknown field", { dta: "x" }, /field "dta"/],
  ["a port out of range", { server: { port: 70000 } }, /field "server.port"/],
  ["an empty data path", { data: "" }, /field "data": must not be empty/],
  ["a peer name with spaces", { peers: [{ name: "my peer" }] }, /field "peers.0.name"/],
  [
    "a duplicated peer",
    { peers: [PEER, PEER] },
    /peer "a" is defined twice/,
  ],
];
for (const [what, raw, message] of bad) {
  Deno.test(`resolveConfig() throws ConfigError naming the field for ${what}`, () => {
    throws(
      () => resolveConfig(raw, { cwd: "/", file: "/k/kura.json" }),
      (e: Error) => e instanceof ConfigError && message.test(e.message),
    );
  });
}

Deno.test("joinPath() keeps absolute paths and collapses dot segments", () => {
  equal(joinPath("/a/b", "/abs"), "/abs");
  equal(joinPath("/a/b", "../c/./d"), "/a/c/d");
});
