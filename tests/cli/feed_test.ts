import { deepEqual, equal, match, ok } from "node:assert/strict";
import { TokenStore } from "../../src/store/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleRepo } from "../support/sample_repo.ts";

Deno.test("kura feed list shows the sample feeds, their audiences and access", async () => {
  await using repo = await sampleRepo();
  const run = await runKura(["feed", "list"], repo.path);
  equal(run.code, 0, run.stderr);
  match(
    run.stdout,
    /^energy: sharing group 385c1887-15e7-5f50-aa57-8ccbc703e634; access token \(0 token\(s\)\)/m,
  );
  match(run.stdout, /^internal: internal \(this organisation\); access token/m);
  match(run.stdout, /^northwind: organisation 94e7523f-093b-59bb-b67e-f23d20f69edd; access token/m);
  match(run.stdout, /^public: public \(anyone\); access public/m);
  match(run.stderr, /4 feed\(s\), 0 not served/);
});

Deno.test("kura feed list reports a broken definition, exits 1 and still lists the others", async () => {
  await using repo = await sampleRepo();
  await Deno.writeTextFile(
    `${repo.path}/feeds/leaky.json`,
    JSON.stringify({ audience: "internal", access: "public" }),
  );
  await Deno.writeTextFile(`${repo.path}/feeds/typo.json`, "{ nope");
  const run = await runKura(["feed", "list"], repo.path);
  equal(run.code, 1);
  match(
    run.stdout,
    /^leaky: NOT SERVED \(invalid definition\)\n {2}feeds\/leaky\.json: access: .*\[feed\.access\.public\]/m,
  );
  match(run.stdout, /^typo: NOT SERVED/m);
  match(run.stdout, /^public: public \(anyone\)/m);
  match(run.stderr, /6 feed\(s\), 2 not served/);
});

Deno.test("kura feed list --format json gives each feed with its resolved definition", async () => {
  await using repo = await sampleRepo();
  const run = await runKura(["feed", "list", "--format", "json"], repo.path);
  const { feeds } = JSON.parse(run.stdout);
  deepEqual(feeds.map((f: { name: string; served: boolean }) => [f.name, f.served]), [
    ["energy", true],
    ["internal", true],
    ["northwind", true],
    ["public", true],
  ]);
  equal(feeds[1].filters.published, "any");
  deepEqual(feeds[3].audience, { kind: "public" });
});

Deno.test("kura feed token add prints a token once and stores only its hash", async () => {
  await using repo = await sampleRepo();
  const run = await runKura(
    ["feed", "token", "add", "northwind", "--label", "Northwind SOC"],
    repo.path,
  );
  equal(run.code, 0, run.stderr);
  const token = run.stdout.trim();
  match(token, /^kura_[A-Za-z0-9_-]{43}$/);
  match(run.stderr, /shown only now/);
  const stored = await Deno.readTextFile(`${repo.path}/.kura/tokens.json`);
  ok(!stored.includes(token.slice(5)));
  ok(await new TokenStore(`${repo.path}/.kura`).verify(token, "feed:northwind"));
  equal(await new TokenStore(`${repo.path}/.kura`).verify(token, "feed:energy"), undefined);
  const listed = await runKura(["feed", "list"], repo.path);
  match(listed.stdout, /^northwind: .*\(1 token\(s\)\)/m);
});

Deno.test("kura feed token add refuses unknown, public and broken feeds", async () => {
  await using repo = await sampleRepo();
  await Deno.writeTextFile(`${repo.path}/feeds/broken.json`, "[]");
  const cases: [string, RegExp][] = [
    ["nosuch", /no feed "nosuch": there is no feeds\/nosuch\.json/],
    ["public", /access "public": it takes no tokens/],
    ["broken", /invalid definition/],
  ];
  for (const [feed, message] of cases) {
    const run = await runKura(["feed", "token", "add", feed], repo.path);
    equal(run.code, 2, feed);
    match(run.stderr, message);
    equal(run.stdout, "");
  }
});

Deno.test("kura feed token list and revoke manage tokens by id", async () => {
  await using repo = await sampleRepo();
  await runKura(["feed", "token", "add", "northwind", "--label", "one"], repo.path);
  await runKura(["feed", "token", "add", "energy", "--label", "two"], repo.path);
  await new TokenStore(`${repo.path}/.kura`).add("admin", "not a feed token");
  const all = await runKura(["feed", "token", "list"], repo.path);
  const lines = all.stdout.trim().split("\n");
  equal(lines.length, 2, "admin tokens are not feed tokens");
  match(lines[0]!, /^\S{8} {2}northwind {2}2026-01-01T00:00:00\.000Z {2}one$/);
  const energy = await runKura(["feed", "token", "list", "energy"], repo.path);
  equal(energy.stdout.trim().split("\n").length, 1);
  const id = energy.stdout.split(" ")[0]!;
  equal((await runKura(["feed", "token", "revoke", id], repo.path)).code, 0);
  equal((await runKura(["feed", "token", "list", "energy"], repo.path)).stdout, "");
  const again = await runKura(["feed", "token", "revoke", id], repo.path);
  equal(again.code, 1);
  match(again.stderr, /no feed token with id/);
});

Deno.test("kura feed without a known action is a usage error", async () => {
  await using repo = await sampleRepo();
  for (const args of [["feed"], ["feed", "token"], ["feed", "token", "add"], ["feed", "remove"]]) {
    const run = await runKura(args, repo.path);
    equal(run.code, 2, args.join(" "));
    match(run.stderr, /kura feed --help/);
  }
});
