/**
 * @module
 * The EventStore port: where events live, one per uuid. Real adapter: files in `data/events/`; in-memory
 * adapter for unit tests. Both pass `tests/contract/event_store_contract.ts`.
 */
import type { Issue, MispEvent } from "../model/mod.ts";

/** One stored event as {@link EventStore.scan} reports it: the event when it loads, else the issues. */
export interface StoredEventResult {
  /** The uuid the event is stored under (the file name without `.json`). */
  readonly uuid: string;
  /** Where it is stored (a file path, or `memory:<uuid>`). */
  readonly location: string;
  readonly event?: MispEvent;
  /** Load problems: bad JSON, shape, size, name; empty when the event loaded. */
  readonly issues: readonly Issue[];
}

/** Computes the events to write from the current ones (see {@link EventStore.update}). */
export type EventChange = (
  current: ReadonlyMap<string, MispEvent | undefined>,
) => readonly MispEvent[] | Promise<readonly MispEvent[]>;

/** Storage of events by uuid. Writes are atomic and serialised; reads never see half-written events. */
export interface EventStore {
  /** The uuids of every stored event, sorted. */
  list(): Promise<string[]>;
  /** The event stored under `uuid`, or undefined. Throws InvalidDataError when it cannot be loaded. */
  get(uuid: string): Promise<MispEvent | undefined>;
  /** Creates or replaces events, under one write lock; each is written atomically in canonical form. */
  put(...events: MispEvent[]): Promise<void>;
  /**
   * Read-modify-write without lost updates: under the write lock, reads the current events `uuids`
   * (undefined where none is stored), lets `change` compute what to write from them, and writes
   * that. No other writer (in this process or another) writes in between. Throws like `get` when a
   * current file cannot be loaded, and like `put` for a bad uuid; then nothing is written.
   */
  update(uuids: readonly string[], change: EventChange): Promise<void>;
  /** Removes the event; true when something was removed. */
  delete(uuid: string): Promise<boolean>;
  /** Every stored event with its load verdict, one at a time, so large stores need not fit in memory. */
  scan(): AsyncIterable<StoredEventResult>;
}
