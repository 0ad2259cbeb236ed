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

const WORDS = ["alpha", "delta", "invoice", "portal", "update", "secure", "login", "cdn", "mail"];
const TLDS = ["com", "net", "org", "info", "io", "ru", "cn", "xyz"];

/** A deterministic pseudo-random source (mulberry32), so runs compare like with like. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Event `e` with `attributes` attributes of realistic, distinct values (IPs, domains, URLs, SHA-256
 * hashes from a seeded random source, so files compress about as real ones do); `version` changes
 * the timestamps and info, as an edit would.
 */
export function benchEvent(
  e: number,
  attributes: number,
  options: { version?: number } = {},
): MispEvent {
  const version = options.version ?? 0;
  const next = random(e * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join("");
  const Attribute = [];
  for (let a = 0; a < attributes; a++) {
    const n = e * attributes + a;
    const host = `${pick(WORDS)}-${hex(6)}.${pick(WORDS)}.${pick(TLDS)}`;
    const kind = a % 4;
    const [type, category, value] = kind === 0
      ? [
        "ip-dst",
        "Network activity",
        `${1 + Math.floor(next() * 222)}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}.${
          Math.floor(next() * 256)
        }`,
      ]
      : kind === 1
      ? ["domain", "Network activity", host]
      : kind === 2
      ? ["url", "Network activity", `https://${host}/${pick(WORDS)}/${hex(12)}.php?id=${n}`]
      : ["sha256", "Payload delivery", hex(64)];
    Attribute.push({
      uuid: benchUuid(n, "aaaaaaaa"),
      type,
      category,
      value,
      comment: a % 3 === 0
        ? `seen in ${pick(WORDS)} campaign wave ${Math.floor(next() * 100)}`
        : "",
      to_ids: next() < 0.7,
      distribution: a % 10 === 9 ? "0" : "5",
      timestamp: String(1_700_000_000 + version + Math.floor(next() * 1000)),
      deleted: false,
      disable_correlation: false,
    });
  }
  return {
    uuid: benchUuid(e, "eeeeeeee"),
    info: `Benchmark event ${e}: ${pick(WORDS)} ${pick(WORDS)} activity (version ${version})`,
    date: "2024-03-01",
    analysis: "2",
    threat_level_id: "2",
    distribution: e % 5 === 4 ? "1" : "3",
    sharing_group_id: "0",
    published: true,
    timestamp: String(1_700_001_000 + version),
    publish_timestamp: String(1_700_001_000 + version),
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
