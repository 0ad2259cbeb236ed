/**
 * @module
 * `deno task bench sync [--events N] [--attributes M]`: pull performance against a peer on
 * 127.0.0.1 serving N events × M attributes (default 10,000 × 100) as a static MISP feed:
 * the first full pull (time, peak RSS), a poll with nothing changed (requests, time), and a pull of
 * 10 changed events; beside each, what `curl` takes to download the same files on the same loopback
 * (the network floor) and the ratio. Targets: < 60 s and < 512 MB; one request and < 20 ms; < 1 s.
 */
import { parseArgs } from "node:util";
import { resolvePeer } from "../../src/config/mod.ts";
import { FsEventStore, PeerStateStore, QuarantineStore } from "../../src/store/mod.ts";
import { HttpPeerClient, pullPass, type PullReport } from "../../src/sync/mod.ts";
import { generatedEvent } from "../../tests/support/generate_events.ts";
import { TEST_ORG } from "../../tests/support/sample_events.ts";

/** Runs the benchmark. */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { events: { type: "string" }, attributes: { type: "string" } },
  });
  const events = Number(values.events ?? 10_000);
  const attributes = Number(values.attributes ?? 100);
  const root = await Deno.makeTempDir({ prefix: "kura-bench-sync-" });
  const feedDir = `${root}/feed`;
  await Deno.mkdir(feedDir);
  console.log(`Generating ${events} events × ${attributes} attributes in ${feedDir} …`);
  const manifest: Record<string, unknown> = {};
  let feedBytes = 0;
  for (let i = 1; i <= events; i++) {
    const event = generatedEvent(i, attributes);
    const text = JSON.stringify({ Event: event }, null, 2);
    feedBytes += text.length;
    await Deno.writeTextFile(`${feedDir}/${event.uuid}.json`, text);
    manifest[event.uuid!] = manifestEntry(event);
  }
  await Deno.writeTextFile(`${feedDir}/manifest.json`, JSON.stringify(manifest));

  const server = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-net=127.0.0.1",
      new URL("./_static_server.ts", import.meta.url).pathname,
      feedDir,
    ],
    stdout: "piped",
  }).spawn();
  const reader = server.stdout.getReader();
  const port = Number(new TextDecoder().decode((await reader.read()).value).trim());
  const base = `http://127.0.0.1:${port}/`;
  const requests = async () => Number(await (await fetch(`${base}__requests`)).text());

  const peer = resolvePeer({
    name: "bench",
    url: base,
    orgs: [TEST_ORG.uuid],
    allowPrivateNetwork: true,
    concurrency: 4,
  }, { maxEventBytes: 64 * 1024 * 1024 });
  const store = new FsEventStore(`${root}/data`);
  const deps = {
    client: new HttpPeerClient(peer),
    store,
    quarantine: new QuarantineStore(`${root}/state`),
    peerState: new PeerStateStore(`${root}/state`),
    now: () => new Date(),
  };

  try {
    const uuids = Object.keys(manifest);
    const curlAll = await curlTime(base, ["manifest.json", ...uuids.map((u) => `${u}.json`)], root);

    let peak = Deno.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, Deno.memoryUsage().rss)), 50);
    const first = await timed(() => pullPass(peer, deps));
    clearInterval(sampler);
    check(first.report, "first pull");

    const before = await requests();
    const idle = await timed(() => pullPass(peer, deps));
    const idleRequests = (await requests()) - before;
    const curlManifest = await curlTime(base, ["manifest.json"], root);

    const changed = uuids.slice(0, 10);
    for (const [n, uuid] of changed.entries()) {
      const event = generatedEvent(n + 1, attributes, 1700000500);
      await Deno.writeTextFile(
        `${feedDir}/${uuid}.json`,
        JSON.stringify({ Event: event }, null, 2),
      );
      manifest[uuid] = manifestEntry(event);
    }
    await Deno.writeTextFile(`${feedDir}/manifest.json`, JSON.stringify(manifest));
    const delta = await timed(() => pullPass(peer, deps));
    check(delta.report, "delta pull");
    const curlDelta = await curlTime(
      base,
      ["manifest.json", ...changed.map((u) => `${u}.json`)],
      root,
    );

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const row = (what: string, ms: number, floor: number, target: string, extra = "") =>
      `| ${what} | ${fmt(ms)} | ${fmt(floor)} | ${
        (ms / floor).toFixed(1)
      }× | ${target} | ${extra} |`;
    console.log(`
Feed: ${events} events × ${attributes} attributes, ${mb(feedBytes)} of JSON, on 127.0.0.1.

| measurement | kura | curl (floor) | ratio | target | notes |
| --- | --- | --- | --- | --- | --- |
${
      row(
        "first full pull",
        first.ms,
        curlAll,
        "< 60 s, < 512 MB",
        `${first.report.counts.new} new, peak RSS ${mb(peak)}`,
      )
    }
${
      row(
        "poll, nothing changed",
        idle.ms,
        curlManifest,
        "1 request, < 20 ms",
        `${idleRequests} request(s), ${idle.report.status}`,
      )
    }
${
      row(
        "pull of 10 changed events",
        delta.ms,
        curlDelta,
        "< 1 s",
        `${delta.report.counts.updated} updated`,
      )
    }

Rerun: deno task bench sync --events ${events} --attributes ${attributes}`);
  } finally {
    server.kill();
    await server.status;
    await Deno.remove(root, { recursive: true });
  }
}

function manifestEntry(event: ReturnType<typeof generatedEvent>) {
  return {
    Orgc: event.Orgc,
    Tag: event.Tag,
    info: event.info,
    date: event.date,
    analysis: event.analysis,
    threat_level_id: event.threat_level_id,
    timestamp: event.timestamp,
  };
}

async function timed(run: () => Promise<PullReport>): Promise<{ ms: number; report: PullReport }> {
  const started = performance.now();
  const report = await run();
  return { ms: performance.now() - started, report };
}

function check(report: PullReport, what: string): void {
  if (report.status !== "ok") throw new Error(`${what}: ${report.status} ${report.error ?? ""}`);
}

/** Milliseconds curl takes to download `files` (one process, connections reused). */
async function curlTime(base: string, files: string[], root: string): Promise<number> {
  const list = `${root}/curl.txt`;
  await Deno.writeTextFile(
    list,
    files.map((f) => `url = "${base}${f}"\noutput = "/dev/null"\n`).join(""),
  );
  const started = performance.now();
  const output = await new Deno.Command("curl", { args: ["-s", "-K", list] }).output();
  if (output.code !== 0) throw new Error(`curl failed with ${output.code}`);
  return performance.now() - started;
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
