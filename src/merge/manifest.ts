/**
 * @module
 * Reading a MISP feed's `manifest.json` (misp-behaviour.md §3.1): an object keyed by event uuid whose
 * values carry `Orgc`, `Tag[]`, `info`, `date`, `timestamp` and optionally `integrity:sha256`. Bad
 * entries are reported one by one; a key that is not a uuid is never used to build a URL or a path.
 */
import { isCanonicalUuid } from "../model/mod.ts";

/** One usable manifest entry. */
export interface ManifestEntry {
  /** The key: a lower-case uuid. */
  readonly uuid: string;
  readonly timestamp: number;
  readonly orgc: { readonly uuid?: string; readonly name?: string };
  /** Tag names, byte-exact. */
  readonly tags: readonly string[];
  readonly info: string;
  readonly date: string;
  /** Lower-case hex SHA-256 of the event file, when the feed publishes it. */
  readonly sha256?: string;
}

/** A manifest entry that cannot be used, with why and its JSON text (for the quarantine receipt). */
export interface InvalidManifestEntry {
  readonly key: string;
  readonly reason: string;
  readonly raw: string;
}

/** A parsed manifest: usable entries in key order, and refused ones. */
export interface ParsedManifest {
  readonly entries: ManifestEntry[];
  readonly invalid: InvalidManifestEntry[];
}

/** Parses a manifest's JSON; throws TypeError with a plain message when the root is not an object. */
export function parseManifest(json: unknown): ParsedManifest {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new TypeError("the manifest must be a JSON object keyed by event uuid");
  }
  const entries: ManifestEntry[] = [];
  const invalid: InvalidManifestEntry[] = [];
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const refuse = (reason: string) =>
      invalid.push({ key, reason, raw: JSON.stringify({ [key]: value }) });
    if (!isCanonicalUuid(key)) {
      refuse(`manifest key "${printable(key)}" is not a lower-case uuid`);
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      refuse(`manifest entry ${key} is not an object`);
      continue;
    }
    const entry = value as Record<string, unknown>;
    const timestamp = Number(entry.timestamp);
    if (!Number.isSafeInteger(timestamp) || timestamp < 0 || entry.timestamp === "") {
      refuse(`manifest entry ${key} has no valid timestamp`);
      continue;
    }
    const orgc = entry.Orgc as Record<string, unknown> | undefined;
    if (orgc === null || typeof orgc !== "object") {
      refuse(`manifest entry ${key} has no Orgc`);
      continue;
    }
    const sha = entry["integrity:sha256"];
    if (sha !== undefined && (typeof sha !== "string" || !/^[0-9a-fA-F]{64}$/.test(sha))) {
      refuse(`manifest entry ${key} has an integrity:sha256 that is not a SHA-256 hex digest`);
      continue;
    }
    entries.push({
      uuid: key,
      timestamp,
      orgc: {
        uuid: typeof orgc.uuid === "string" ? orgc.uuid.toLowerCase() : undefined,
        name: typeof orgc.name === "string" ? orgc.name : undefined,
      },
      tags: Array.isArray(entry.Tag)
        ? entry.Tag.map((tag) => (tag as { name?: unknown } | null)?.name)
          .filter((name): name is string => typeof name === "string")
        : [],
      info: typeof entry.info === "string" ? entry.info : "",
      date: typeof entry.date === "string" ? entry.date : "",
      sha256: typeof sha === "string" ? sha.toLowerCase() : undefined,
    });
  }
  return { entries, invalid };
}

function printable(key: string): string {
  const cut = key.length > 80 ? `${key.slice(0, 80)}…` : key;
  // deno-lint-ignore no-control-regex -- control characters are what must be made visible
  return cut.replace(/[\u0000-\u001f\u007f]/g, "?");
}
