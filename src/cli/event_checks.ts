/**
 * @module
 * The extra event checks a command runs, from the configuration: taxonomies, galaxies and object
 * templates once the catalog libraries are loaded. Seam: none yet beyond the core rules.
 */
import type { Config } from "../config/mod.ts";
import type { EventCheck } from "../validate/mod.ts";

/** Options of {@link eventChecksFor}. */
export interface EventCheckOptions {
  /** Unknown or disabled tags are errors instead of warnings. */
  strictTags: boolean;
}

/** Builds the library checks configured for `config`. */
export function eventChecksFor(
  _config: Config,
  _options: EventCheckOptions,
): Promise<EventCheck[]> {
  return Promise.resolve([]);
}
