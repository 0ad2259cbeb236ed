/**
 * @module
 * What kura remembers of each peer between passes, in `<state>/peers/<name>.json`: the manifest's
 * ETag (for `If-None-Match`), the timestamp of each manifest entry last handled (so an unchanged entry
 * is not even read locally), and the last success and error for `GET /peers`.
 */
import { readStateJson, writeStateJson } from "./state_files.ts";

/** The state of one peer. */
export interface PeerState {
  /** ETag of the last manifest fully handled. */
  readonly etag?: string;
  /** Manifest timestamp of each event uuid last handled without a transient failure. */
  readonly seen: Readonly<Record<string, number>>;
  /** ISO-8601 times. */
  readonly lastAttempt?: string;
  readonly lastSuccess?: string;
  readonly lastError?: { readonly time: string; readonly message: string };
  /** Failed passes in a row (drives the poller's backoff). */
  readonly failures: number;
}

/** An empty peer state. */
export const EMPTY_PEER_STATE: PeerState = { seen: {}, failures: 0 };

/** Peer states in `<state>/peers/`. */
export class PeerStateStore {
  readonly #dir: string;

  /** Opens the peer states of state folder `stateDir`. */
  constructor(stateDir: string) {
    this.#dir = `${stateDir.replace(/\/+$/, "")}/peers`;
  }

  /** The state of `peer` (empty when never pulled). */
  async get(peer: string): Promise<PeerState> {
    const state = await readStateJson<PeerState>(this.#path(peer)).catch(() => undefined);
    return state ? { ...EMPTY_PEER_STATE, ...state } : EMPTY_PEER_STATE;
  }

  /** Replaces the state of `peer`. */
  async put(peer: string, state: PeerState): Promise<void> {
    await writeStateJson(this.#path(peer), state);
  }

  /** Notes a file written by a pass of `peer` and not yet committed (survives a crash). */
  async addPending(peer: string, file: string): Promise<void> {
    await Deno.mkdir(this.#dir, { recursive: true });
    await Deno.writeTextFile(`${this.#path(peer)}.pending`, `${file}\n`, { append: true });
  }

  /** Files written by earlier passes of `peer` and not committed yet. */
  async pending(peer: string): Promise<string[]> {
    try {
      const text = await Deno.readTextFile(`${this.#path(peer)}.pending`);
      return [...new Set(text.split("\n").filter((line) => line !== ""))];
    } catch (cause) {
      if (cause instanceof Deno.errors.NotFound) return [];
      throw cause;
    }
  }

  /** Forgets the pending files of `peer` once committed. */
  async clearPending(peer: string): Promise<void> {
    await Deno.remove(`${this.#path(peer)}.pending`).catch(() => {});
  }

  /** The file holding `peer`'s state. */
  #path(peer: string): string {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(peer)) throw new TypeError(`invalid peer name "${peer}"`);
    return `${this.#dir}/${peer}.json`;
  }
}
