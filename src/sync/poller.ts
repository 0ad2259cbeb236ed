/**
 * @module
 * The daemon's poller: each peer on its own interval with ±10 % jitter, exponential backoff after
 * failed passes (capped), at most one pass per peer at a time, passes of different peers running
 * independently (a slow or dead peer never delays the others), immediate passes on request, and a
 * clean stop that cancels in-flight transfers and waits for them.
 */
import type { PeerConfig } from "../config/mod.ts";
import { NotFoundError } from "../errors.ts";
import type { JobRecord } from "../store/mod.ts";
import type { PassStatus } from "./pull_pass.ts";

/** Runs one pass; resolves with its status (the poller's only need). */
export type PassRunner = (
  peer: PeerConfig,
  options: { signal: AbortSignal; trigger: string; onStart: (job: JobRecord) => void },
) => Promise<{ status: PassStatus }>;

/** Options of {@link Poller}. */
export interface PollerOptions {
  readonly peers: readonly PeerConfig[];
  readonly run: PassRunner;
  /** Random numbers in [0, 1) for jitter; default Math.random. */
  readonly random?: () => number;
  /** Milliseconds per second of interval (tests shrink it); default 1000. */
  readonly unitMs?: number;
  /** Longest wait after failures, in seconds; default 6 hours (or the interval, if longer). */
  readonly maxBackoff?: number;
  /** Seconds before a peer's first pass, at most; default 30 (spread by jitter). */
  readonly startDelay?: number;
  /** Called when a runner throws (it should report failures, not throw). */
  readonly onError?: (peer: string, error: unknown) => void;
}

/** What the poller knows of a peer right now. */
export interface PollerPeerStatus {
  readonly name: string;
  readonly running: boolean;
  /** ISO-8601 time of the next scheduled pass, when one is scheduled. */
  readonly nextRun?: string;
  /** Failed passes in a row. */
  readonly failures: number;
  readonly lastStatus?: PassStatus;
}

interface PeerSlot {
  readonly peer: PeerConfig;
  timer?: ReturnType<typeof setTimeout>;
  nextRun?: number;
  running?: Promise<void>;
  failures: number;
  lastStatus?: PassStatus;
}

/** Polls every configured peer until stopped. */
export class Poller {
  readonly #options: PollerOptions;
  readonly #slots = new Map<string, PeerSlot>();
  readonly #controller = new AbortController();
  #started = false;

  /** A poller of `options.peers`; nothing runs until {@link start}. */
  constructor(options: PollerOptions) {
    this.#options = options;
    for (const peer of options.peers) this.#slots.set(peer.name, { peer, failures: 0 });
  }

  /** Schedules every peer's first pass (within `startDelay`, jittered). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const random = this.#options.random ?? Math.random;
    for (const slot of this.#slots.values()) {
      const first = Math.min(this.#options.startDelay ?? 30, slot.peer.interval) * random();
      this.#schedule(slot, first);
    }
  }

  /** Starts a pass of `name` now; resolves with its job once recorded, or undefined if one is running. */
  pullNow(name: string, trigger = "api"): Promise<JobRecord | undefined> {
    const slot = this.#slots.get(name);
    if (!slot) throw new NotFoundError(`no peer named "${name}"`);
    if (slot.running || this.#controller.signal.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.#run(slot, trigger, resolve).then(() => resolve(undefined));
    });
  }

  /** Every peer's status. */
  status(): PollerPeerStatus[] {
    return [...this.#slots.values()].map((slot) => ({
      name: slot.peer.name,
      running: slot.running !== undefined,
      nextRun: slot.nextRun === undefined ? undefined : new Date(slot.nextRun).toISOString(),
      failures: slot.failures,
      lastStatus: slot.lastStatus,
    }));
  }

  /** Stops scheduling, cancels in-flight passes and waits for them to end. */
  async stop(): Promise<void> {
    this.#controller.abort();
    for (const slot of this.#slots.values()) {
      clearTimeout(slot.timer);
      slot.timer = undefined;
      slot.nextRun = undefined;
    }
    await Promise.all([...this.#slots.values()].map((slot) => slot.running));
  }

  #schedule(slot: PeerSlot, seconds: number): void {
    if (this.#controller.signal.aborted) return;
    clearTimeout(slot.timer);
    const ms = seconds * (this.#options.unitMs ?? 1000);
    slot.nextRun = Date.now() + ms;
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      if (slot.running) this.#schedule(slot, this.#delayAfter(slot));
      else this.#run(slot, "poller");
    }, ms);
  }

  #run(slot: PeerSlot, trigger: string, onStart?: (job: JobRecord) => void): Promise<void> {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.nextRun = undefined;
    const pass = (async () => {
      try {
        const { status } = await this.#options.run(slot.peer, {
          signal: this.#controller.signal,
          trigger,
          onStart: onStart ?? (() => {}),
        });
        slot.lastStatus = status;
        slot.failures = status === "failed" || status === "partial" ? slot.failures + 1 : 0;
      } catch (cause) {
        slot.lastStatus = "failed";
        slot.failures++;
        this.#options.onError?.(slot.peer.name, cause);
      } finally {
        slot.running = undefined;
      }
      this.#schedule(slot, this.#delayAfter(slot));
    })();
    slot.running = pass;
    return pass;
  }

  /** Seconds to the next pass: the interval, doubled per failure up to the cap, ±10 % jitter. */
  #delayAfter(slot: PeerSlot): number {
    const interval = slot.peer.interval;
    const cap = Math.max(this.#options.maxBackoff ?? 6 * 3600, interval);
    const base = Math.min(interval * 2 ** slot.failures, cap);
    const jitter = ((this.#options.random ?? Math.random)() * 2 - 1) * 0.1;
    return Math.max(0, base * (1 + jitter));
  }
}
