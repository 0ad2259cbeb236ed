/**
 * End to end: daemon A (a real process) signs its feeds with the key `kura feed key init` made; B
 * pins A's public key and pulls A's public feed through gzip over real HTTP; with another key pinned,
 * B's pull fails before any event is fetched and writes nothing.
 */
import { deepEqual, equal, match } from "node:assert/strict";
import { startDaemonProcess } from "../support/daemon_process.ts";
import { snapshot } from "../support/pull_fixture.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleRepo } from "../support/sample_repo.ts";
import { tempDir } from "../support/sample_events.ts";

async function workspace(root: string, url: string, publicKey: string): Promise<void> {
  await Deno.mkdir(`${root}/data/events`, { recursive: true });
  await Deno.writeTextFile(
    `${root}/kura.json`,
    JSON.stringify({
      git: { commit: false },
      peers: [{ name: "a", url, orgs: ["*"], allowPrivateNetwork: true, publicKey }],
    }),
  );
}

Deno.test("a peer pinning the daemon's signing key pulls its signed feed; another key pulls nothing", async () => {
  await using a = await sampleRepo();
  const init = await runKura(["feed", "key", "init"], a.path);
  equal(init.code, 0, init.stderr);
  const publicKey = init.stdout.trim();
  await using daemon = await startDaemonProcess(a.path, []);
  const url = `${daemon.url}/feeds/public/`;
  const manifest = await (await fetch(`${url}manifest.json`)).json();

  await using b = await tempDir("kura-signed-");
  await workspace(b.path, url, publicKey);
  const pull = await runKura(["pull", "--format", "json"], b.path);
  equal(pull.code, 0, pull.stderr);
  const [report] = JSON.parse(pull.stdout);
  deepEqual(
    report.results.map((r: { status: string }) => r.status),
    Object.keys(manifest).map(() => "new"),
  );

  await using c = await tempDir("kura-signed-");
  const other = await runKura(["feed", "key", "init"], c.path);
  await workspace(c.path, url, other.stdout.trim());
  const refused = await runKura(["pull", "--format", "json"], c.path);
  equal(refused.code, 2);
  match(JSON.parse(refused.stdout)[0].error, /manifest signature: .* not the pinned key/);
  deepEqual(await snapshot(`${c.path}/data/events`), {});
});
