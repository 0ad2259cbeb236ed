/**
 * @module
 * One event's part of one feed as bytes ready to serve and assemble: its file, its manifest line and
 * its hash lines. Made from the feed module's `RenderedFeedEvent`, in a render thread or in the main
 * one; plain data, so it can cross threads (the byte arrays are transferred, not copied).
 */
import { formatManifest, type ManifestEntry, type RenderedFeedEvent } from "../feed/mod.ts";

/** An event rendered for one feed, as bytes. */
export interface RenderedParts {
  readonly uuid: string;
  /** The bytes of `<uuid>.json`. */
  readonly file: Uint8Array;
  /** Lower-case hex SHA-256 of `file` (the manifest's `integrity:sha256`). */
  readonly sha256: string;
  /** Its line of `manifest.json`, `"<uuid>":{…}`. */
  readonly manifestLine: string;
  /** Its lines of `hashes.csv`, each with its newline. */
  readonly hashChunk: Uint8Array;
}

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

/**
 * The parts of `rendered`. `shared` maps the SHA-256 of files already encoded for other feeds to
 * their bytes, so feeds that render an event identically share one copy.
 */
export function partsOf(
  rendered: RenderedFeedEvent,
  shared?: Map<string, Uint8Array>,
): RenderedParts {
  const sha256 = rendered.manifestEntry["integrity:sha256"];
  let file = shared?.get(sha256);
  if (file === undefined) {
    file = encoder.encode(rendered.eventJson);
    shared?.set(sha256, file);
  }
  return {
    uuid: rendered.uuid,
    file,
    sha256,
    manifestLine: manifestLineOf(rendered.uuid, rendered.manifestEntry),
    hashChunk: rendered.hashLines.length === 0
      ? EMPTY
      : encoder.encode(`${rendered.hashLines.join("\n")}\n`),
  };
}

/**
 * The manifest line of one event, exactly as `formatManifest` writes it: the feed module owns the
 * format, so the line is cut out of a one-entry manifest (`{\n<line>\n}\n`).
 */
export function manifestLineOf(uuid: string, entry: ManifestEntry): string {
  const text = formatManifest([[uuid, entry]]);
  return text.slice(2, text.length - 3);
}
