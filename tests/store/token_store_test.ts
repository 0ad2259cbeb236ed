import { deepEqual, equal, match, ok } from "node:assert/strict";
import { TOKEN_RECHECK_MS, TokenStore } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("TokenStore.add() returns a secret once and stores only its hash", async () => {
  await using dir = await tempDir();
  const store = new TokenStore(dir.path);
  const { token, record } = await store.add("feed:partners", "Northwind CSIRT");
  match(token, /^kura_[A-Za-z0-9_-]{43}$/);
  const text = await Deno.readTextFile(`${dir.path}/tokens.json`);
  ok(!text.includes(token.slice(5)), "the secret must not be stored");
  ok(text.includes(record.sha256));
  equal((await Deno.stat(`${dir.path}/tokens.json`)).mode! & 0o777, 0o600);
});

Deno.test("TokenStore.verify() accepts the token for its scope only", async () => {
  await using dir = await tempDir();
  const store = new TokenStore(dir.path);
  const feed = await store.add("feed:partners");
  const admin = await store.add("admin");
  equal((await store.verify(feed.token, "feed:partners"))?.id, feed.record.id);
  equal(await store.verify(feed.token, "feed:other"), undefined);
  equal(await store.verify(feed.token, "admin"), undefined);
  equal((await store.verify(admin.token, "admin"))?.id, admin.record.id);
  equal(await store.verify(admin.token, "feed:partners"), undefined);
});

Deno.test("TokenStore.verify() rejects altered, truncated and foreign tokens", async () => {
  await using dir = await tempDir();
  const store = new TokenStore(dir.path);
  const { token } = await store.add("feed:a");
  const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
  for (
    const candidate of [flipped, token.slice(0, -2), "", "Bearer " + token, token + "x", "kura_"]
  ) {
    equal(await store.verify(candidate, "feed:a"), undefined, candidate);
  }
});

Deno.test("TokenStore ids are hex from the hash: never an option-like '-x', never part of the secret", async () => {
  await using dir = await tempDir();
  const store = new TokenStore(dir.path);
  for (let i = 0; i < 20; i++) {
    const { token, record } = await store.add("feed:a");
    match(record.id, /^[0-9a-f]{8}$/);
    ok(record.sha256.startsWith(record.id));
    ok(!token.includes(record.id), `${record.id} is part of ${token}`);
  }
});

Deno.test("TokenStore.revoke() removes a token by id so it no longer verifies", async () => {
  await using dir = await tempDir();
  const store = new TokenStore(dir.path);
  const one = await store.add("feed:a", "one");
  const two = await store.add("feed:a", "two");
  equal(await store.revoke(one.record.id), true);
  equal(await store.revoke(one.record.id), false);
  equal(await store.verify(one.token, "feed:a"), undefined);
  ok(await store.verify(two.token, "feed:a"));
  deepEqual((await store.list()).map((r) => r.label), ["two"]);
});

Deno.test("TokenStore sees tokens added by another instance (another process)", async () => {
  await using dir = await tempDir();
  const reader = new TokenStore(dir.path);
  equal((await reader.list()).length, 0);
  const { token } = await new TokenStore(dir.path).add("admin");
  ok(await reader.verify(token, "admin"));
});

Deno.test("TokenStore.verify() answers synchronously while the file was looked at recently", async () => {
  await using dir = await tempDir();
  const store = new TokenStore(dir.path);
  const { token, record } = await store.add("feed:a");
  equal((await store.verify(token, "feed:a"))?.id, record.id);
  const again = store.verify(token, "feed:a");
  ok(!(again instanceof Promise), "no stat or read for a token just verified");
  equal(again?.id, record.id);
});

Deno.test("TokenStore.verify() stops accepting a token revoked by another process within TOKEN_RECHECK_MS", async () => {
  await using dir = await tempDir();
  const server = new TokenStore(dir.path);
  const { token, record } = await new TokenStore(dir.path).add("feed:a");
  ok(await server.verify(token, "feed:a"));
  equal(await new TokenStore(dir.path).revoke(record.id), true);
  ok(TOKEN_RECHECK_MS < 1000, "revocation takes effect within a second");
  await new Promise((resolve) => setTimeout(resolve, TOKEN_RECHECK_MS + 20));
  equal(await server.verify(token, "feed:a"), undefined);
});

Deno.test("TokenStore.verify() accepts a stored hash written in upper case", async () => {
  await using dir = await tempDir();
  const { token } = await new TokenStore(dir.path).add("admin");
  const file = `${dir.path}/tokens.json`;
  const stored = JSON.parse(await Deno.readTextFile(file));
  stored.tokens[0].sha256 = stored.tokens[0].sha256.toUpperCase();
  await Deno.writeTextFile(file, JSON.stringify(stored));
  ok(await new TokenStore(dir.path).verify(token, "admin"));
});
