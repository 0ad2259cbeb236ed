import { equal, match, ok } from "node:assert/strict";
import { TokenStore } from "../../src/store/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("kura token add --admin prints a token once and stores only its hash", async () => {
  await using dir = await tempDir();
  const run = await runKura(["token", "add", "--admin", "--label", "ops"], dir.path);
  equal(run.code, 0, run.stderr);
  const token = run.stdout.trim();
  match(token, /^kura_/);
  const stored = await Deno.readTextFile(`${dir.path}/.kura/tokens.json`);
  ok(!stored.includes(token));
  ok(await new TokenStore(`${dir.path}/.kura`).verify(token, "admin"));
  ok(!(await new TokenStore(`${dir.path}/.kura`).verify(token, "feed:x")));
});

Deno.test("kura token list and revoke manage feed and admin tokens", async () => {
  await using dir = await tempDir();
  await new TokenStore(`${dir.path}/.kura`).add("feed:partners");
  const list = await runKura(["token", "list", "--format", "json"], dir.path);
  const [record] = JSON.parse(list.stdout);
  equal(record.scope, "feed:partners");
  equal(record.sha256, undefined);
  equal((await runKura(["token", "revoke", record.id], dir.path)).code, 0);
  equal((await runKura(["token", "list"], dir.path)).stdout, "No tokens.\n");
  equal((await runKura(["token", "revoke", record.id], dir.path)).code, 2);
});

Deno.test("kura token add needs --admin and points to kura feed token add for feed tokens", async () => {
  await using dir = await tempDir();
  const run = await runKura(["token", "add"], dir.path);
  equal(run.code, 2);
  match(run.stderr, /add needs --admin \(feed tokens: "kura feed token add <feed>"\)/);
  equal((await runKura(["token", "add", "--feed", "x"], dir.path)).code, 2);
});
