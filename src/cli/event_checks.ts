/**
 * @module
 * The extra event checks a command runs, from the configuration: tags against the taxonomies and
 * galaxies, objects against their templates and references against the event (and the event it
 * extends, read from the data folder). Each call loads the catalog afresh, so worker threads can each
 * build their own.
 */
import { eventObjectCheck, eventTagCheck } from "../catalog/mod.ts";
import type { Config } from "../config/mod.ts";
import { eventUuidReader, loadCatalog } from "../store/mod.ts";
import type { EventCheck } from "../validate/mod.ts";

/** Options of {@link eventChecksFor}. */
export interface EventCheckOptions {
  /** Unknown or disabled tags are errors instead of warnings. */
  strictTags: boolean;
}

/** Builds the library checks configured for `config`; throws ConfigError for a wrong library folder. */
export async function eventChecksFor(
  config: Config,
  options: EventCheckOptions,
): Promise<EventCheck[]> {
  const catalog = await loadCatalog(config.libraries);
  return [
    eventTagCheck(catalog, {
      strictTags: options.strictTags,
      enabled: config.taxonomies.enabled,
      disabled: config.taxonomies.disabled,
    }),
    eventObjectCheck(catalog, {
      uuidsOfEvent: eventUuidReader(config.data, { maxBytes: config.limits.maxEventBytes }),
    }),
  ];
}
