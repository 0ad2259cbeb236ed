/**
 * @module
 * One feed's rendered files, kept in memory and updated one event at a time: a map uuid → event file,
 * manifest line and hash lines, from which `manifest.json` and `hashes.csv` are re-assembled after a
 * change. The assembled files are byte for byte what `formatManifest` and `formatHashes` of the feed
 * module write for the same events (tests hold them to it).
 */
import type { FeedDefinition, RenderedFeedEvent } from "../feed/mod.ts";
import {
  artefactSha256,
  CSV_TYPE,
  type FeedArtefact,
  JSON_TYPE,
  partsArtefact,
  textArtefact,
} from "./feed_artefact.ts";
import { partsOf, type RenderedParts } from "./rendered_parts.ts";

/** One event of a published feed. */
interface PublishedEvent {
  readonly file: FeedArtefact;
  /** Its line of `manifest.json`, `"<uuid>":{…}`. */
  readonly manifestLine: string;
  /** Its lines of `hashes.csv`, each with its newline. */
  readonly hashChunk: Uint8Array;
}

/** Sizes of a published feed, for /status and /metrics. */
export interface PublishedFeedStats {
  readonly events: number;
  /** Bytes of all `<uuid>.json` files. */
  readonly eventBytes: number;
  readonly manifestBytes: number;
  readonly hashesBytes: number;
}

/** The rendered content of one feed. */
export class PublishedFeed {
  /** The definition the content was rendered for. */
  readonly definition: FeedDefinition;
  readonly #events = new Map<string, PublishedEvent>();
  /** uuids in code-unit order: the order of manifest lines and hash chunks. */
  readonly #order: string[] = [];
  #eventBytes = 0;
  #manifest: FeedArtefact;
  #hashes: FeedArtefact;
  #dirty = false;

  /** An empty feed for `definition`. */
  constructor(definition: FeedDefinition) {
    this.definition = definition;
    this.#manifest = textArtefact("{}\n", JSON_TYPE);
    this.#hashes = partsArtefact([], CSV_TYPE);
  }

  /** The feed's name. */
  get name(): string {
    return this.definition.name;
  }

  /** Whether the feed holds event `uuid`. */
  has(uuid: string): boolean {
    return this.#events.has(uuid);
  }

  /** The file `<uuid>.json`, or undefined when the event is not in the feed. */
  event(uuid: string): FeedArtefact | undefined {
    return this.#events.get(uuid)?.file;
  }

  /** Every `<uuid>.json` file, in uuid order. */
  *entries(): Generator<[string, FeedArtefact]> {
    for (const uuid of this.#order) yield [`${uuid}.json`, this.#events.get(uuid)!.file];
  }

  /** `manifest.json`, current with every change made so far. */
  manifest(): FeedArtefact {
    this.commit();
    return this.#manifest;
  }

  /** `hashes.csv`, current with every change made so far. */
  hashes(): FeedArtefact {
    this.commit();
    return this.#hashes;
  }

  /** Adds or replaces an event from its rendering; returns whether anything changed. */
  put(rendered: RenderedFeedEvent): boolean {
    return this.putParts(partsOf(rendered));
  }

  /**
   * Adds or replaces an event from its parts. `file` may be given to share one artefact between
   * feeds that render the event identically. Returns whether anything changed.
   */
  putParts(parts: RenderedParts, file?: FeedArtefact): boolean {
    const known = this.#events.get(parts.uuid);
    if (known && known.file.sha256 === parts.sha256 && known.manifestLine === parts.manifestLine) {
      return false;
    }
    const artefact = file ??
      {
        contentType: JSON_TYPE,
        parts: [parts.file],
        byteLength: parts.file.length,
        sha256: parts.sha256,
      };
    if (known) this.#eventBytes -= known.file.byteLength;
    else this.#order.splice(insertionPoint(this.#order, parts.uuid), 0, parts.uuid);
    this.#events.set(parts.uuid, {
      file: artefact,
      manifestLine: parts.manifestLine,
      hashChunk: parts.hashChunk,
    });
    this.#eventBytes += artefact.byteLength;
    this.#dirty = true;
    return true;
  }

  /** Removes an event; returns whether it was there. */
  remove(uuid: string): boolean {
    const known = this.#events.get(uuid);
    if (!known) return false;
    this.#events.delete(uuid);
    this.#order.splice(insertionPoint(this.#order, uuid), 1);
    this.#eventBytes -= known.file.byteLength;
    this.#dirty = true;
    return true;
  }

  /** Re-assembles `manifest.json` and `hashes.csv` if events changed since the last time. */
  commit(): void {
    if (!this.#dirty) return;
    this.#dirty = false;
    const lines: string[] = [];
    const chunks: Uint8Array[] = [];
    for (const uuid of this.#order) {
      const event = this.#events.get(uuid)!;
      lines.push(event.manifestLine);
      if (event.hashChunk.length > 0) chunks.push(event.hashChunk);
    }
    const text = lines.length === 0 ? "{}\n" : `{\n${lines.join(",\n")}\n}\n`;
    const manifest = textArtefact(text, JSON_TYPE);
    this.#manifest = { ...manifest, sha256: artefactSha256(manifest) };
    this.#hashes = partsArtefact(chunks, CSV_TYPE);
  }

  /** Sizes of the feed. */
  stats(): PublishedFeedStats {
    return {
      events: this.#events.size,
      eventBytes: this.#eventBytes,
      manifestBytes: this.manifest().byteLength,
      hashesBytes: this.#hashes.byteLength,
    };
  }
}

/** Index of `uuid` in sorted `order`, or where it would be inserted. */
function insertionPoint(order: readonly string[], uuid: string): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order[middle]! < uuid) low = middle + 1;
    else high = middle;
  }
  return low;
}
