/**
 * @module
 * The in-memory adapter of EventStore, for unit tests. It keeps canonical text, like the file adapter,
 * so callers never share objects with the store.
 */
import { InvalidDataError } from "../errors.ts";
import {
  formatEventDocument,
  isCanonicalUuid,
  type MispEvent,
  parseEventDocument,
} from "../model/mod.ts";
import type { EventChange, EventStore, StoredEventResult } from "./event_store.ts";

/** EventStore kept in a Map. */
export class MemoryEventStore implements EventStore {
  readonly #texts = new Map<string, string>();
  #queue: Promise<unknown> = Promise.resolve();

  list(): Promise<string[]> {
    return Promise.resolve([...this.#texts.keys()].sort());
  }

  get(uuid: string): Promise<MispEvent | undefined> {
    const text = this.#texts.get(uuid);
    if (text === undefined) return Promise.resolve(undefined);
    const parsed = parseEventDocument(JSON.parse(text));
    if (!parsed.event) {
      return Promise.reject(
        new InvalidDataError(`Cannot read event "${uuid}": ${parsed.issues[0]?.message}`),
      );
    }
    return Promise.resolve(parsed.event);
  }

  put(...events: MispEvent[]): Promise<void> {
    const texts = events.map((event) => {
      if (!isCanonicalUuid(event.uuid)) {
        throw new InvalidDataError(
          `Cannot store event: uuid "${event.uuid}" is not a lower-case uuid`,
        );
      }
      return [event.uuid, formatEventDocument(event)] as const;
    });
    return this.#serialised(() => {
      for (const [uuid, text] of texts) this.#texts.set(uuid, text);
    });
  }

  update(uuids: readonly string[], change: EventChange): Promise<void> {
    for (const uuid of uuids) {
      if (!isCanonicalUuid(uuid)) {
        return Promise.reject(
          new InvalidDataError(`Cannot update event: uuid "${uuid}" is not a lower-case uuid`),
        );
      }
    }
    return this.#serialised(async () => {
      const current = new Map<string, MispEvent | undefined>();
      for (const uuid of uuids) current.set(uuid, await this.get(uuid));
      const texts = (await change(current)).map((event) => {
        if (!isCanonicalUuid(event.uuid)) {
          throw new InvalidDataError(
            `Cannot store event: uuid "${event.uuid}" is not a lower-case uuid`,
          );
        }
        return [event.uuid, formatEventDocument(event)] as const;
      });
      for (const [uuid, text] of texts) this.#texts.set(uuid, text);
    });
  }

  delete(uuid: string): Promise<boolean> {
    return this.#serialised(() => this.#texts.delete(uuid));
  }

  async *scan(): AsyncIterable<StoredEventResult> {
    for (const uuid of await this.list()) {
      const text = this.#texts.get(uuid);
      if (text === undefined) continue;
      const parsed = parseEventDocument(JSON.parse(text));
      yield { uuid, location: `memory:${uuid}`, event: parsed.event, issues: parsed.issues };
    }
  }

  /** The stored canonical text of an event, as the file adapter would write it. */
  textOf(uuid: string): string | undefined {
    return this.#texts.get(uuid);
  }

  #serialised<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => {});
    return run;
  }
}
