/**
 * @module
 * `manifest.json`: one entry per event, keyed by uuid, with the key set PyMISP's generator writes
 * (`Orgc{name,uuid}, Tag[], info, date, analysis, threat_level_id, timestamp`, misp-behaviour.md
 * §3.1, misp-formats.md §6) plus `integrity:sha256` of the event file (misp-rfc §Manifest). Like
 * PyMISP, `analysis`, `threat_level_id` and `timestamp` are JSON numbers here; MISP compares them
 * numerically either way.
 */
import type { MispEvent } from "../model/mod.ts";

/** A tag as listed in the manifest. */
export interface ManifestTag {
  readonly name: string;
  readonly colour?: string;
  readonly local?: boolean;
  readonly relationship_type?: string;
}

/** One manifest entry. */
export interface ManifestEntry {
  readonly Orgc: { readonly name: string; readonly uuid: string };
  readonly Tag: readonly ManifestTag[];
  readonly info: string;
  readonly date: string;
  readonly analysis?: number | string;
  readonly threat_level_id?: number | string;
  readonly timestamp: number | string;
  /** Lower-case hex SHA-256 of the exact bytes of `<uuid>.json`. */
  readonly "integrity:sha256": string;
}

/**
 * The manifest entry of a feed event (already cut and shaped); undefined when it lacks what a MISP
 * consumer needs (rfc: `info`, `Orgc`, `timestamp`, `date` are MUST).
 */
export function manifestEntryOf(event: MispEvent, sha256: string): ManifestEntry | undefined {
  const { Orgc: orgc, info, date, timestamp } = event;
  if (typeof orgc?.name !== "string" || typeof orgc.uuid !== "string") return undefined;
  if (typeof info !== "string" || typeof date !== "string" || typeof timestamp !== "string") {
    return undefined;
  }
  const tags: ManifestTag[] = [];
  for (const tag of event.Tag ?? []) {
    if (typeof tag.name !== "string") continue;
    const entry: { -readonly [K in keyof ManifestTag]: ManifestTag[K] } = { name: tag.name };
    if (typeof tag.colour === "string") entry.colour = tag.colour;
    if (typeof tag.local === "boolean") entry.local = tag.local;
    if (typeof tag.relationship_type === "string") entry.relationship_type = tag.relationship_type;
    tags.push(entry);
  }
  return {
    Orgc: { name: orgc.name, uuid: orgc.uuid },
    Tag: tags,
    info,
    date,
    analysis: numeric(event.analysis),
    threat_level_id: numeric(event.threat_level_id),
    timestamp: numeric(timestamp)!,
    "integrity:sha256": sha256,
  };
}

/**
 * The text of `manifest.json`: entries sorted by uuid, one per line, keys sorted, UTF-8 as is, a
 * trailing newline. The same entries always give the same bytes, in whatever order they come, so a
 * server can re-assemble it after one event changes.
 */
export function formatManifest(entries: Iterable<readonly [string, ManifestEntry]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return "{}\n";
  const lines = sorted.map(([uuid, entry]) => `${JSON.stringify(uuid)}:${compactSorted(entry)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

function numeric(value: string | null | undefined): number | string | undefined {
  if (typeof value !== "string") return undefined;
  return /^(0|[1-9]\d{0,14})$/.test(value) ? Number(value) : value;
}

/** Compact JSON with object keys in code-unit order; undefined members are left out. */
function compactSorted(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    return `[${
      value.map((item) => (item === undefined ? "null" : compactSorted(item))).join(",")
    }]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${compactSorted(record[key])}`).join(",")}}`;
}
