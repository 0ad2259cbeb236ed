/**
 * @module
 * Builds the files of a MISP feed (misp-behaviour.md §3.1) from events, as PyMISP's generator writes
 * them: `manifest.json` keyed by uuid and `<uuid>.json` per event.
 */
import { createHash } from "node:crypto";
import type { MispEvent } from "../../src/model/mod.ts";

/** `{"/manifest.json": …, "/<uuid>.json": …}` for `events`. */
export function feedFiles(
  events: readonly MispEvent[],
  options: { integrity?: boolean } = {},
): Record<string, string> {
  const files: Record<string, string> = {};
  const manifest: Record<string, unknown> = {};
  for (const event of events) {
    const text = JSON.stringify({ Event: event }, null, 2);
    files[`/${event.uuid}.json`] = text;
    manifest[event.uuid!] = {
      Orgc: event.Orgc,
      Tag: event.Tag ?? [],
      info: event.info,
      date: event.date,
      analysis: event.analysis,
      threat_level_id: event.threat_level_id,
      timestamp: event.timestamp,
      ...(options.integrity ? { "integrity:sha256": sha256Sync(text) } : {}),
    };
  }
  files["/manifest.json"] = JSON.stringify(manifest);
  return files;
}

/** Hex SHA-256 of a string (node:crypto is synchronous, convenient in builders). */
function sha256Sync(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
