/**
 * @module
 * `deno task bench feed [values]`: how fast a feed renders. Builds 1,000-attribute events holding
 * `values` values in all (default 1,000,000), renders them through an internal feed and a public
 * feed, and times MD5 of every value, the whole render (event files, manifest, hashes.csv) and
 * re-rendering one event. Target: MD5 and hashes.csv for 1M values within about 2 s.
 */
import { createHash } from "node:crypto";
import {
  formatHashes,
  formatManifest,
  md5Hex,
  parseFeedDefinition,
  renderFeed,
  renderFeedEvent,
} from "../../src/feed/mod.ts";
import type { Attribute, MispEvent } from "../../src/model/mod.ts";

/** Runs the benchmark. */
export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 1_000_000);
  const perEvent = 1000;
  const events: MispEvent[] = [];
  const values: string[] = [];
  for (let e = 0; e * perEvent < total; e++) {
    const attributes: Attribute[] = [];
    for (let a = 0; a < perEvent && e * perEvent + a < total; a++) {
      const n = e * perEvent + a;
      const value = a % 3 === 0 ? `198.51.${(n >> 8) & 255}.${n & 255}` : `host-${n}.example.com`;
      values.push(value);
      attributes.push({
        uuid: uuid(n, "aaaaaaaa"),
        type: a % 3 === 0 ? "ip-dst" : "domain",
        category: "Network activity",
        value,
        to_ids: true,
        distribution: "5",
        timestamp: "1700000000",
      });
    }
    events.push({
      uuid: uuid(e, "eeeeeeee"),
      info: `Bench event ${e}`,
      date: "2024-03-01",
      analysis: "2",
      threat_level_id: "2",
      distribution: "3",
      published: true,
      timestamp: "1700000000",
      Orgc: { name: "Bench", uuid: uuid(0, "0a0a0a0a") },
      Tag: [{ name: "tlp:clear" }],
      Attribute: attributes,
    });
  }
  const context = { sharingGroups: new Map() };
  const internal = parseFeedDefinition({ audience: "internal" }, "internal").definition!;
  const open = parseFeedDefinition({ audience: "public", access: "public" }, "public").definition!;

  let start = performance.now();
  for (const value of values) md5Hex(value);
  const pureMd5 = performance.now() - start;
  start = performance.now();
  for (const value of values) createHash("md5").update(value).digest("hex");
  const nodeMd5 = performance.now() - start;

  // One feed at a time: each holds every event file (hundreds of MB at 1M values).
  start = performance.now();
  let feed = renderFeed(events, internal, context);
  const whole = performance.now() - start;
  start = performance.now();
  formatHashes(feed.events);
  formatManifest(feed.events.map((event) => [event.uuid, event.manifestEntry] as const));
  const assemble = performance.now() - start;
  const sizes = { hashes: feed.hashes.length, manifest: feed.manifest.length };
  feed = undefined as never;
  start = performance.now();
  const fast = {
    ...context,
    sha256Hex: (t: string) => createHash("sha256").update(t).digest("hex"),
  };
  renderFeed(events, internal, fast);
  const wholeFast = performance.now() - start;
  start = performance.now();
  renderFeed(events, open, context);
  const publicWhole = performance.now() - start;
  start = performance.now();
  renderFeedEvent(events[0]!, internal, context);
  const one = performance.now() - start;

  const mb = (length: number) => (length / 1e6).toFixed(1);
  console.log(`feed render: ${values.length} values in ${events.length} events`);
  console.log(`  md5 of every value (pure TS):        ${pureMd5.toFixed(0)} ms`);
  console.log(`  md5 of every value (node:crypto):    ${nodeMd5.toFixed(0)} ms (for comparison)`);
  console.log(`  whole internal feed (files+hashes):  ${whole.toFixed(0)} ms`);
  console.log(`  … with node:crypto's SHA-256 (export): ${wholeFast.toFixed(0)} ms`);
  console.log(`  whole public feed:                   ${publicWhole.toFixed(0)} ms`);
  console.log(`  re-assemble manifest + hashes.csv:   ${assemble.toFixed(0)} ms`);
  console.log(`  re-render one 1,000-value event:     ${one.toFixed(1)} ms`);
  console.log(`  hashes.csv ${mb(sizes.hashes)} MB, manifest.json ${mb(sizes.manifest)} MB`);
  console.log(
    "target: md5 and hashes.csv for 1M values within ~2 s; the whole render is bound by writing " +
      "and hashing the event files (about 250 bytes of JSON per value)",
  );
  console.log(`rerun: deno task bench feed ${total}`);
  await Promise.resolve();
}

function uuid(n: number, prefix: string): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}
