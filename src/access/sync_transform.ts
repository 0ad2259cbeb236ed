/**
 * @module
 * The distribution an audience receives. Towards another organisation MISP downgrades 2 ("connected
 * communities") to 1 ("this community") so it travels one hop only, and never sends 0 or 1 at all
 * (misp-behaviour.md §2.4–2.5; internal links skip this). The result is never wider than the input.
 */
import type { DistributionLevel } from "../model/mod.ts";
import type { Audience } from "./audience.ts";

/**
 * The level `audience` receives for an element at `level` it may see: 2 becomes 1 for every audience
 * but `internal`; all else is unchanged.
 */
export function syncDistribution(level: DistributionLevel, audience: Audience): DistributionLevel {
  if (audience.kind !== "internal" && level === 2) return 1;
  return level;
}
