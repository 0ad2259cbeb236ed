import { deepEqual, equal, rejects } from "node:assert/strict";
import { ConfigError } from "../../src/errors.ts";
import { peerCredential } from "../../src/sync/mod.ts";
import { testPeer } from "../support/pull_fixture.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("peerCredential() reads a bearer token from the environment", async () => {
  const peer = testPeer("http://x/", { token: { env: "KURA_PEER_A_TOKEN" } });
  const credential = await peerCredential(peer, {
    stateDir: "/nowhere",
    getEnv: (name) => (name === "KURA_PEER_A_TOKEN" ? "abc" : undefined),
  });
  deepEqual(credential, { name: "Authorization", value: "Bearer abc" });
});

Deno.test("peerCredential() reads a raw key from a state file, trimmed", async () => {
  await using dir = await tempDir();
  await Deno.writeTextFile(`${dir.path}/a.key`, "  key123\n");
  const peer = testPeer("http://x/", {
    token: { file: "a.key", header: "X-Api-Key", scheme: "raw" },
  });
  deepEqual(await peerCredential(peer, { stateDir: dir.path, getEnv: () => undefined }), {
    name: "X-Api-Key",
    value: "key123",
  });
});

Deno.test("peerCredential() explains a missing variable or file", async () => {
  const fromEnv = testPeer("http://x/", { token: { env: "KURA_MISSING" } });
  await rejects(
    peerCredential(fromEnv, { stateDir: "/", getEnv: () => undefined }),
    (e: Error) => e instanceof ConfigError && /KURA_MISSING is not set/.test(e.message),
  );
  const fromFile = testPeer("http://x/", { token: { file: "none.token" } });
  await rejects(
    peerCredential(fromFile, { stateDir: "/nonexistent", getEnv: () => undefined }),
    /cannot read token file \/nonexistent\/none.token/,
  );
  equal(
    await peerCredential(testPeer("http://x/"), { stateDir: "/", getEnv: () => "x" }),
    undefined,
  );
});
