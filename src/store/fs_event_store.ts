/**
 * @module
 * The file adapter of EventStore: `data/events/<uuid>.json`, canonical text, atomic writes under the
 * data folder's write lock.
 */
import { InvalidDataError } from "../errors.ts";
import { formatEventDocument, isCanonicalUuid, type MispEvent } from "../model/mod.ts";
import { syncDirectory, writeFileAtomic } from "./atomic_write.ts";
import type { EventChange, EventStore, StoredEventResult } from "./event_store.ts";
import { readEventFile, uuidOfFileName } from "./read_event_file.ts";
import { lockPathFor, withWriteLock } from "./write_lock.ts";

/** Files written at once by one put. */
const PARALLEL_WRITES = 16;

/** Options of {@link FsEventStore}. */
export interface FsEventStoreOptions {
  /** Largest event file read, in bytes (default 64 MiB). */
  maxEventBytes?: number;
}

/** EventStore over a data folder's `events/` directory. */
export class FsEventStore implements EventStore {
  readonly #dataDir: string;
  readonly #eventsDir: string;
  readonly #maxBytes: number;
  #realDataDir?: string;
  #lockPath?: string;

  /** Opens the store of data folder `dataDir` (absolute); nothing is touched until used. */
  constructor(dataDir: string, options: FsEventStoreOptions = {}) {
    this.#dataDir = dataDir.replace(/\/+$/, "");
    this.#eventsDir = `${this.#dataDir}/events`;
    this.#maxBytes = options.maxEventBytes ?? 64 * 1024 * 1024;
  }

  /** The file an event is stored in. */
  pathOf(uuid: string): string {
    return `${this.#eventsDir}/${uuid}.json`;
  }

  async list(): Promise<string[]> {
    const uuids: string[] = [];
    for (const name of await this.#names()) {
      const uuid = uuidOfFileName(name);
      if (uuid) uuids.push(uuid);
    }
    return uuids;
  }

  async get(uuid: string): Promise<MispEvent | undefined> {
    if (!isCanonicalUuid(uuid)) return undefined;
    const path = this.pathOf(uuid);
    try {
      await Deno.lstat(path);
    } catch (cause) {
      if (cause instanceof Deno.errors.NotFound) return undefined;
      throw cause;
    }
    const result = await readEventFile(path, {
      maxBytes: this.#maxBytes,
      confineTo: await this.#realRoot(),
    });
    const problem = result.issues.find((issue) => issue.severity === "error");
    if (!result.event || problem) {
      throw new InvalidDataError(
        `Cannot read event "${uuid}": ${problem?.message ?? "unreadable"}`,
      );
    }
    return result.event;
  }

  async put(...events: MispEvent[]): Promise<void> {
    const texts = canonicalTexts(events);
    if (texts.length === 0) return;
    await withWriteLock(await this.#lockFile(), () => this.#writeAll(texts));
  }

  async update(uuids: readonly string[], change: EventChange): Promise<void> {
    for (const uuid of uuids) {
      if (!isCanonicalUuid(uuid)) {
        throw new InvalidDataError(`Cannot update event: uuid "${uuid}" is not a lower-case uuid`);
      }
    }
    await withWriteLock(await this.#lockFile(), async () => {
      const current = new Map<string, MispEvent | undefined>();
      for (const uuid of uuids) current.set(uuid, await this.get(uuid));
      const texts = canonicalTexts(await change(current));
      if (texts.length > 0) await this.#writeAll(texts);
    });
  }

  /** Writes canonical texts; the caller holds the write lock. */
  async #writeAll(texts: readonly (readonly [string, string])[]): Promise<void> {
    await Deno.mkdir(this.#eventsDir, { recursive: true });
    // Files are written a few at a time: each atomic write waits on two fsyncs, and the disk
    // serves them far faster side by side than one after another.
    let next = 0;
    const writer = async () => {
      while (next < texts.length) {
        const [uuid, text] = texts[next++]!;
        const path = this.pathOf(uuid);
        if (await sameContent(path, text)) continue;
        await writeFileAtomic(path, text);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, texts.length) }, writer));
  }

  async delete(uuid: string): Promise<boolean> {
    if (!isCanonicalUuid(uuid)) return false;
    return await withWriteLock(await this.#lockFile(), async () => {
      try {
        await Deno.remove(this.pathOf(uuid));
      } catch (cause) {
        if (cause instanceof Deno.errors.NotFound) return false;
        throw cause;
      }
      await syncDirectory(this.#eventsDir);
      return true;
    });
  }

  async *scan(): AsyncIterable<StoredEventResult> {
    const confineTo = await this.#realRoot();
    for (const name of await this.#names()) {
      const path = `${this.#eventsDir}/${name}`;
      const result = await readEventFile(path, { maxBytes: this.#maxBytes, confineTo });
      yield {
        uuid: uuidOfFileName(name) ?? name.replace(/\.json$/, ""),
        location: path,
        event: result.event,
        issues: result.issues,
      };
    }
  }

  /** Names of the `.json` files in `events/`, sorted; temp and hidden files are skipped. */
  async #names(): Promise<string[]> {
    const names: string[] = [];
    try {
      for await (const entry of Deno.readDir(this.#eventsDir)) {
        if (entry.name.startsWith(".") || !entry.name.endsWith(".json")) continue;
        names.push(entry.name);
      }
    } catch (cause) {
      if (cause instanceof Deno.errors.NotFound) return [];
      throw cause;
    }
    return names.sort();
  }

  async #realRoot(): Promise<string> {
    if (this.#realDataDir === undefined) {
      try {
        this.#realDataDir = await Deno.realPath(this.#dataDir);
      } catch {
        return this.#dataDir;
      }
    }
    return this.#realDataDir;
  }

  async #lockFile(): Promise<string> {
    this.#lockPath ??= await lockPathFor(this.#dataDir);
    return this.#lockPath;
  }
}

/** Each event's uuid and canonical text; throws for a uuid that is not a lower-case uuid. */
function canonicalTexts(events: readonly MispEvent[]): (readonly [string, string])[] {
  return events.map((event) => {
    const uuid = event.uuid;
    if (!isCanonicalUuid(uuid)) {
      throw new InvalidDataError(`Cannot store event: uuid "${uuid}" is not a lower-case uuid`);
    }
    return [uuid, formatEventDocument(event)] as const;
  });
}

async function sameContent(path: string, text: string): Promise<boolean> {
  try {
    const current = await Deno.readTextFile(path);
    return current === text;
  } catch {
    return false;
  }
}
