/**
 * @module
 * A peer's pull rules applied to manifest entries, as MISP's `Feed::checkEventAgainstRules`
 * (misp-behaviour.md §3.3): tags OR/NOT by exact name, orgs OR/NOT by `Orgc` uuid or name, and a
 * minimum event timestamp (epoch seconds, or an age like `30d`). Pure: `now` is a parameter.
 */
import type { PeerRules } from "../config/mod.ts";
import type { ManifestEntry } from "./manifest.ts";

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** The oldest timestamp `rules` accept at `now` (epoch seconds), or undefined when unbounded. */
export function minTimestampOf(rules: PeerRules, now: number): number | undefined {
  const min = rules.minTimestamp;
  if (min === undefined) return undefined;
  if (typeof min === "number") return min;
  const match = /^([0-9]+)([smhdw])$/.exec(min);
  if (!match) return undefined;
  return now - Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}

/** Why `entry` is excluded by `rules`, or undefined when the rules take it. */
export function excludedByRules(
  entry: ManifestEntry,
  rules: PeerRules,
  options: { now: number },
): string | undefined {
  const tags = new Set(entry.tags);
  if (rules.tags.OR.length > 0 && !rules.tags.OR.some((tag) => tags.has(tag))) {
    return `pull rules: none of the tags ${list(rules.tags.OR)}`;
  }
  const blocked = rules.tags.NOT.find((tag) => tags.has(tag));
  if (blocked !== undefined) return `pull rules: tag "${blocked}" is excluded`;
  const orgMatches = (org: string) =>
    org.toLowerCase() === entry.orgc.uuid ||
    (entry.orgc.name !== undefined && org === entry.orgc.name);
  if (rules.orgs.OR.length > 0 && !rules.orgs.OR.some(orgMatches)) {
    return `pull rules: creator org ${orgName(entry)} is not among ${list(rules.orgs.OR)}`;
  }
  if (rules.orgs.NOT.some(orgMatches)) {
    return `pull rules: creator org ${orgName(entry)} is excluded`;
  }
  const min = minTimestampOf(rules, options.now);
  if (min !== undefined && entry.timestamp < min) {
    return `pull rules: timestamp ${entry.timestamp} is older than ${min}`;
  }
  return undefined;
}

function list(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(", ");
}

function orgName(entry: ManifestEntry): string {
  return `"${entry.orgc.name ?? ""}" (${entry.orgc.uuid ?? "no uuid"})`;
}
