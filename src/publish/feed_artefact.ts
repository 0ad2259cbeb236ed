/**
 * @module
 * A file of a rendered feed as it is kept in memory and served: its bytes (in parts, so `hashes.csv`
 * can be re-assembled from per-event chunks without copying), its media type and, when the renderer
 * already knows it, the SHA-256 of its bytes. Artefacts never change once made: a new version of a
 * file is a new artefact, so anything derived from one (ETag, compressed copies) can be kept beside it.
 */
import { createHash } from "node:crypto";

/** Media type of `manifest.json` and `<uuid>.json`. */
export const JSON_TYPE = "application/json; charset=utf-8";
/** Media type of `hashes.csv`. */
export const CSV_TYPE = "text/csv; charset=utf-8";

/** One immutable file of a feed. */
export interface FeedArtefact {
  readonly contentType: string;
  /** The bytes, in order; their concatenation is the file. */
  readonly parts: readonly Uint8Array[];
  /** Total size in bytes. */
  readonly byteLength: number;
  /** Lower-case hex SHA-256 of the bytes, when known without hashing them again. */
  readonly sha256?: string;
}

const encoder = new TextEncoder();

/** An artefact holding `text` (UTF-8). */
export function textArtefact(text: string, contentType: string, sha256?: string): FeedArtefact {
  const bytes = encoder.encode(text);
  return { contentType, parts: [bytes], byteLength: bytes.length, sha256 };
}

/** An artefact made of `parts` (not copied). */
export function partsArtefact(parts: readonly Uint8Array[], contentType: string): FeedArtefact {
  let byteLength = 0;
  for (const part of parts) byteLength += part.length;
  return { contentType, parts, byteLength };
}

/** Lower-case hex SHA-256 of an artefact's bytes (its own when known). */
export function artefactSha256(artefact: FeedArtefact): string {
  if (artefact.sha256 !== undefined) return artefact.sha256;
  const hash = createHash("sha256");
  for (const part of artefact.parts) hash.update(part);
  return hash.digest("hex");
}

/** The whole artefact as one byte array (copied only when it has several parts). */
export function artefactBytes(artefact: FeedArtefact): Uint8Array {
  if (artefact.parts.length === 1) return artefact.parts[0]!;
  const bytes = new Uint8Array(artefact.byteLength);
  let offset = 0;
  for (const part of artefact.parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
