// The feed signing key from the command line: created once, shown, used by kura export, and pinned
// by a peer that pulls the exported feed.
import { equal, match } from "node:assert/strict";
import { PUBLIC_KEY_PATTERN, signatureProblem } from "../../src/feed/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleRepo } from "../support/sample_repo.ts";

Deno.test("kura feed key init creates the key once; key show prints it; kura export signs the manifest", async () => {
  await using repo = await sampleRepo();
  equal((await runKura(["feed", "key", "show"], repo.path)).code, 1);
  const init = await runKura(["feed", "key", "init"], repo.path);
  equal(init.code, 0, init.stderr);
  const publicKey = init.stdout.trim();
  match(publicKey, PUBLIC_KEY_PATTERN);
  match(init.stderr, /Signing key created in \.kura\/signing-key\.json/);
  equal((await Deno.stat(`${repo.path}/.kura/signing-key.json`)).mode! & 0o077, 0);
  equal((await runKura(["feed", "key", "show"], repo.path)).stdout, `${publicKey}\n`);
  const again = await runKura(["feed", "key", "init"], repo.path);
  equal(again.code, 2);
  match(again.stderr, /already exists; peers pin its public key/);
  equal((await runKura(["feed", "key", "show"], repo.path)).stdout, `${publicKey}\n`);

  equal((await runKura(["export", "public", "out"], repo.path)).code, 0);
  const manifest = await Deno.readFile(`${repo.path}/out/manifest.json`);
  const signature = await Deno.readFile(`${repo.path}/out/manifest.json.sig`);
  equal(await signatureProblem(manifest, signature, publicKey), undefined);
});
