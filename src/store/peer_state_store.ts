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

  /** The state of `peer` (empty when never pulled); `seen: false` skips the large seen map. */
  async get(peer: string, options: { seen?: boolean } = {}): Promise<PeerState> {
    const status = await readStateJson<Omit<PeerState, "seen">>(this.#path(peer))
      .catch(() => undefined);
    const seen = options.seen === false ? {} : await this.seen(peer);
    return { ...EMPTY_PEER_STATE, ...status, seen };
  }

  /** The seen map of `peer`: manifest timestamp per event uuid last handled. */
  async seen(peer: string): Promise<Record<string, number>> {
    const seen = await readStateJson<Record<string, number>>(this.#seenPath(peer))
      .catch(() => undefined);
    return seen ?? {};
  }

  /**
   * Replaces the state of `peer`. The seen map (large: one entry per event) lives in its own file
   * and is rewritten only when it changed, so a poll that finds nothing new writes a few bytes.
   */
  async put(
    peer: string,
    state: PeerState,
    options: { seenChanged?: boolean } = {},
  ): Promise<void> {
    const { seen, ...status } = state;
    if (options.seenChanged ?? true) await writeStateJson(this.#seenPath(peer), seen);
    await writeStateJson(this.#path(peer), status);
  }

  #seenPath(peer: string): string {
    return this.#path(peer).replace(/\.json$/, ".seen.json");
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
