/**
 * @module
 * MISP distribution levels (misp-behaviour.md §1.1). Events take 0–4; attributes, objects and reports 0–5.
 */

/** Distribution levels by name. */
export const Distribution = {
  OrgOnly: 0,
  Community: 1,
  Connected: 2,
  All: 3,
  SharingGroup: 4,
  Inherit: 5,
} as const;

/** One of the six distribution levels. */
export type DistributionLevel = (typeof Distribution)[keyof typeof Distribution];

/** MISP's UI names of the levels, for messages. */
export const DISTRIBUTION_NAMES: Readonly<Record<DistributionLevel, string>> = {
  0: "Your organisation only",
  1: "This community only",
  2: "Connected communities",
  3: "All communities",
  4: "Sharing group",
  5: "Inherit event",
};

/** Parses a distribution as MISP writes it (`"3"`) or as JSON numbers carry it; undefined if not 0–5. */
export function parseDistribution(value: unknown): DistributionLevel | undefined {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^[0-5]$/.test(text)) return undefined;
  return Number(text) as DistributionLevel;
}
