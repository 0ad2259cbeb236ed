/**
 * @module
 * Where the extra event checks (taxonomies, galaxies, object templates) come from. Checks are
 * functions, which cannot be sent to a render thread, so each thread builds its own by calling a
 * builder exported by a module: the composition root names it (the CLI's `eventChecksFor`), and this
 * layer never imports the layer that provides it.
 */
import type { EventCheck } from "../validate/mod.ts";

/** `await import(module)[name](...args)` gives the checks; `args` must be structured-cloneable. */
export interface CheckSource {
  /** URL of the module (e.g. `new URL("./event_checks.ts", import.meta.url).href`). */
  readonly module: string;
  /** Name of the exported builder. */
  readonly name: string;
  readonly args: readonly unknown[];
}

/** Builds the checks of `source` (none when it is undefined). */
export async function buildChecks(source: CheckSource | undefined): Promise<EventCheck[]> {
  if (source === undefined) return [];
  const module = await import(source.module) as Record<string, unknown>;
  const build = module[source.name];
  if (typeof build !== "function") {
    throw new TypeError(`${source.module} does not export a function "${source.name}"`);
  }
  return await build(...source.args) as EventCheck[];
}
