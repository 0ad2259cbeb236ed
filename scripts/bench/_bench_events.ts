/**
 * @module
 * Deterministic, realistic MISP events for benchmarks: mixed attribute types (hashes, IPs, domains,
 * URLs, composite types, free text), objects with references, tags, written as canonical files.
 */
import type { Attribute, MispEvent, MispObject } from "../../src/model/mod.ts";
import { formatEventDocument } from "../../src/model/mod.ts";

/** A small seeded generator (mulberry32), so every run writes the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const hex = (random: Random, length: number): string => {
  let text = "";
  while (text.length < length) {
    text += Math.floor(random() * 0x100000000).toString(16).padStart(8, "0");
  }
  return text.slice(0, length);
};
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number): number => Math.floor(random() * max);

const WORDS = [
  "update",
  "secure",
  "login",
  "cdn",
  "mail",
  "portal",
  "invoice",
  "track",
  "cloud",
  "api",
];
const TLDS = ["com", "net", "org", "info", "io", "ru", "cn", "de"];
const FILES = ["invoice.exe", "setup.msi", "report.docm", "update.dll", "payload.bin", "run.ps1"];

const domain = (r: Random) => `${pick(r, WORDS)}-${pick(r, WORDS)}${int(r, 1000)}.${pick(r, TLDS)}`;
const ipv4 = (r: Random) => `${1 + int(r, 223)}.${int(r, 256)}.${int(r, 256)}.${1 + int(r, 254)}`;
const ipv6 = (r: Random) =>
  `2001:db8:${int(r, 0xffff).toString(16)}::${(1 + int(r, 0xfffe)).toString(16)}`;

/** [type, category, value maker]; weights follow what OSINT feeds mostly carry. */
const KINDS: readonly [string, string, (r: Random) => string, number][] = [
  ["ip-dst", "Network activity", ipv4, 14],
  ["ip-src", "Network activity", (r) => r() < 0.8 ? ipv4(r) : ipv6(r), 6],
  ["domain", "Network activity", domain, 12],
  ["hostname", "Network activity", (r) => `${pick(r, WORDS)}.${domain(r)}`, 6],
  [
    "url",
    "Network activity",
    (r) => `https://${domain(r)}/${pick(r, WORDS)}/${hex(r, 8)}.php?id=${int(r, 1e6)}`,
    12,
  ],
  ["md5", "Payload delivery", (r) => hex(r, 32), 10],
  ["sha1", "Payload delivery", (r) => hex(r, 40), 6],
  ["sha256", "Payload delivery", (r) => hex(r, 64), 10],
  ["filename", "Payload delivery", (r) => pick(r, FILES), 4],
  ["filename|md5", "Payload delivery", (r) => `${pick(r, FILES)}|${hex(r, 32)}`, 3],
  ["filename|sha256", "Payload delivery", (r) => `${pick(r, FILES)}|${hex(r, 64)}`, 3],
  ["domain|ip", "Network activity", (r) => `${domain(r)}|${ipv4(r)}`, 3],
  ["ip-dst|port", "Network activity", (r) => `${ipv4(r)}|${1 + int(r, 65535)}`, 3],
  ["email-src", "Payload delivery", (r) => `${pick(r, WORDS)}@${domain(r)}`, 2],
  ["ssdeep", "Payload delivery", (r) => `${96 * (1 + int(r, 8))}:${hex(r, 40)}:${hex(r, 20)}`, 1],
  [
    "vulnerability",
    "External analysis",
    (r) => `CVE-20${10 + int(r, 15)}-${1000 + int(r, 90000)}`,
    1,
  ],
  ["AS", "Network activity", (r) => String(1 + int(r, 400000)), 1],
  [
    "regkey|value",
    "Persistence mechanism",
    (r) => `HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run|%APPDATA%\\${pick(r, FILES)}`,
    1,
  ],
  [
    "user-agent",
    "Network activity",
    (r) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) ${pick(r, WORDS)}/${int(r, 100)}`,
    1,
  ],
  [
    "text",
    "Other",
    (r) => `Observed ${pick(r, WORDS)} activity from ${domain(r)} during the campaign.`,
    1,
  ],
];
const TOTAL_WEIGHT = KINDS.reduce((sum, kind) => sum + kind[3], 0);

function kind(random: Random): (typeof KINDS)[number] {
  let roll = random() * TOTAL_WEIGHT;
  for (const entry of KINDS) if ((roll -= entry[3]) < 0) return entry;
  return KINDS[0]!;
}

function uuid(random: Random): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${
    h.slice(20)
  }`;
}

function attribute(random: Random, timestamp: number, relation?: string): Attribute {
  const [type, category, make] = kind(random);
  return {
    uuid: uuid(random),
    type,
    category,
    value: make(random),
    to_ids: random() < 0.7,
    distribution: "5",
    sharing_group_id: "0",
    timestamp: String(timestamp),
    comment: random() < 0.2 ? `seen by sensor ${int(random, 40)}` : "",
    deleted: false,
    disable_correlation: false,
    ...(relation ? { object_relation: relation } : {}),
  };
}

/** One event with `attributes` attributes in total, a fifth of them inside file objects. */
export function benchEvent(
  random: Random,
  { index, attributes }: { index: number; attributes: number },
): MispEvent {
  const timestamp = 1_700_000_000 + index * 60;
  const inObjects = Math.floor(attributes / 5);
  const objects: MispObject[] = [];
  for (let made = 0; made < inObjects; made += 5) {
    const objectUuid = uuid(random);
    const count = Math.min(5, inObjects - made);
    objects.push({
      uuid: objectUuid,
      name: "file",
      "meta-category": "file",
      description: "File object describing a file with meta-information",
      template_uuid: "688c46fb-5edb-40a3-8273-1af7923e2215",
      template_version: "24",
      distribution: "5",
      sharing_group_id: "0",
      timestamp: String(timestamp),
      comment: "",
      deleted: false,
      Attribute: Array.from({ length: count }, () => attribute(random, timestamp, "indicator")),
      ObjectReference: objects.length === 0 ? [] : [{
        uuid: uuid(random),
        object_uuid: objectUuid,
        referenced_uuid: objects[0]!.uuid!,
        relationship_type: "related-to",
        timestamp: String(timestamp),
        comment: "",
      }],
    });
  }
  return {
    uuid: uuid(random),
    info: `Bench campaign ${index}: ${pick(random, WORDS)} phishing wave`,
    date: "2024-03-01",
    threat_level_id: String(1 + int(random, 4)),
    analysis: String(int(random, 3)),
    distribution: String(int(random, 4)),
    sharing_group_id: "0",
    timestamp: String(timestamp),
    publish_timestamp: String(timestamp),
    published: true,
    Orgc: { name: "Bench CERT", uuid: "11111111-1111-4111-8111-111111111111" },
    Tag: [{ name: "tlp:green" }, { name: `misp-galaxy:threat-actor="Bench ${int(random, 50)}"` }],
    Attribute: Array.from({ length: attributes - inObjects }, () => attribute(random, timestamp)),
    Object: objects,
  };
}

/** Writes `events` events into `<folder>/events/`; returns the bytes written. */
export async function writeBenchEvents(
  folder: string,
  options: { events: number; attributes: number; seed?: number },
): Promise<number> {
  const random = seededRandom(options.seed ?? 1);
  await Deno.mkdir(`${folder}/events`, { recursive: true });
  const encoder = new TextEncoder();
  let bytes = 0;
  for (let i = 0; i < options.events; i++) {
    const event = benchEvent(random, { index: i, attributes: options.attributes });
    const text = encoder.encode(formatEventDocument(event));
    bytes += text.length;
    await Deno.writeFile(`${folder}/events/${event.uuid}.json`, text);
  }
  return bytes;
}
