/**
 * @module
 * Synthetic data for the feed benchmarks (not a benchmark itself: the leading `_` hides it from
 * `deno task bench`): events of N attributes with distinct values, written in canonical form to a
 * data folder, this instance's organisation, and feed definitions.
 */
import { formatEventDocument, type MispEvent } from "../../src/model/mod.ts";

/** The organisation of this instance in the benchmark data. */
export const BENCH_ORG = { name: "Bench CERT", uuid: "0a0a0a0a-0000-4000-8000-000000000000" };

/** A lower-case uuid from a number and an 8-hex-digit prefix. */
export function benchUuid(n: number, prefix: string): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** Event `e` with `attributes` attributes; `comment` pads each attribute (bytes). */
export function benchEvent(
  e: number,
  attributes: number,
  options: { comment?: number; version?: number } = {},
): MispEvent {
  const version = options.version ?? 0;
  const padding = "x".repeat(options.comment ?? 0);
  const Attribute = [];
  for (let a = 0; a < attributes; a++) {
    const n = e * attributes + a;
    const kind = a % 4;
    const [type, category, value] = kind === 0
      ? ["ip-dst", "Network activity", `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`]
      : kind === 1
      ? ["domain", "Network activity", `host-${n}.example.com`]
      : kind === 2
      ? ["url", "Network activity", `https://host-${n}.example.net/path/${n}`]
      : ["sha256", "Payload delivery", n.toString(16).padStart(64, "0")];
    Attribute.push({
      uuid: benchUuid(n, "aaaaaaaa"),
      type,
      category,
      value,
      comment: padding,
      to_ids: true,
      distribution: a % 10 === 9 ? "0" : "5",
      timestamp: String(1_700_000_000 + version),
      deleted: false,
      disable_correlation: false,
    });
  }
  return {
    uuid: benchUuid(e, "eeeeeeee"),
    info: `Benchmark event ${e} (version ${version})`,
    date: "2024-03-01",
    analysis: "2",
    threat_level_id: "2",
    distribution: e % 5 === 4 ? "1" : "3",
    sharing_group_id: "0",
    published: true,
    timestamp: String(1_700_000_000 + version),
    publish_timestamp: String(1_700_000_000 + version),
    Orgc: { ...BENCH_ORG },
    Tag: [{ name: "tlp:clear" }],
    Attribute,
  };
}

/** Writes `events` events of `attributes` attributes, the org and `feeds` into `root`. */
export async function writeBenchData(
  root: string,
  events: number,
  attributes: number,
  feeds: Record<string, unknown>,
): Promise<void> {
  await Deno.mkdir(`${root}/data/events`, { recursive: true });
  await Deno.mkdir(`${root}/data/orgs`, { recursive: true });
  await Deno.mkdir(`${root}/feeds`, { recursive: true });
  await Deno.writeTextFile(
    `${root}/data/orgs/${BENCH_ORG.uuid}.json`,
    JSON.stringify({ Organisation: { ...BENCH_ORG, local: true } }),
  );
  for (const [name, definition] of Object.entries(feeds)) {
    await Deno.writeTextFile(`${root}/feeds/${name}.json`, JSON.stringify(definition));
  }
  for (let e = 0; e < events; e++) {
    const event = benchEvent(e, attributes);
    await Deno.writeTextFile(`${root}/data/events/${event.uuid}.json`, formatEventDocument(event));
  }
}

/**
 * Samples this process's resident set size every 20 ms (`/proc/self/status` needs every permission
 * in Deno, so the peak is sampled rather than read); threads' memory is included.
 */
export class RssSampler {
  #peak = Deno.memoryUsage().rss;
  readonly #timer = setInterval(() => this.#sample(), 20);

  /** Stops sampling; returns the peak seen. */
  stop(): number {
    clearInterval(this.#timer);
    this.#sample();
    return this.#peak;
  }

  #sample(): void {
    this.#peak = Math.max(this.#peak, Deno.memoryUsage().rss);
  }
}

/** The `p`-quantile (0..1) of `values`. */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}
