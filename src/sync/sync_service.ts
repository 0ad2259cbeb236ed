/**
 * @module
 * Sync as the daemon runs it: the pull context of the configuration and a {@link Poller} whose
 * passes are recorded jobs under the per-peer lock. The daemon starts it, the admin routes ask it
 * for status and immediate passes, and stopping it cancels transfers and waits.
 */
import type { Config } from "../config/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import { createPullContext, type PullContext } from "./pull_context.ts";
import { Poller } from "./poller.ts";
import { runPull } from "./run_pull.ts";

/** Options of {@link createSyncService}. */
export interface SyncServiceOptions {
  getEnv(name: string): string | undefined;
  now(): Date;
  checks?: readonly EventCheck[];
  /** Reports each finished pass and unexpected errors (the daemon's logger). */
  log?: (level: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) => void;
  /** Poller tuning for tests: milliseconds per second of interval, first-pass spread. */
  unitMs?: number;
  startDelay?: number;
}

/** The running sync of a daemon. */
export interface SyncService {
  readonly context: PullContext;
  readonly poller: Poller;
  start(): void;
  stop(): Promise<void>;
}

/** Builds the sync service of `config` (nothing runs until `start`). */
export async function createSyncService(
  config: Config,
  options: SyncServiceOptions,
): Promise<SyncService> {
  const context = await createPullContext(config, options);
  const log = options.log ?? (() => {});
  const poller = new Poller({
    peers: config.peers,
    unitMs: options.unitMs,
    startDelay: options.startDelay,
    async run(peer, { signal, trigger, onStart }) {
      let deps;
      try {
        deps = await context.deps(peer, { trigger, signal });
      } catch (cause) {
        // A missing secret is a failed pass like any other: recorded, visible in /jobs and /peers.
        const message = (cause as Error).message;
        const job = await context.jobs.start(peer.name, trigger, options.now());
        onStart(job);
        await context.jobs.finish(job, {
          status: "failed",
          counts: {},
          error: message,
          time: options.now(),
        });
        const state = await context.peerState.get(peer.name, { seen: false });
        const time = options.now().toISOString();
        await context.peerState.put(peer.name, {
          ...state,
          lastAttempt: time,
          lastError: { time, message },
          failures: state.failures + 1,
        }, { seenChanged: false });
        log("warn", "pull pass failed", { peer: peer.name, job: job.id, error: message });
        return { status: "failed" };
      }
      const { report, job } = await runPull(peer, { ...deps, onStart });
      log(report.status === "failed" ? "warn" : "info", "pull pass finished", {
        peer: peer.name,
        job: job.id,
        status: report.status,
        counts: report.counts,
        error: report.error,
      });
      return report;
    },
    onError(peer, error) {
      log("error", "pull pass crashed", { peer, error: (error as Error).message });
    },
  });
  return {
    context,
    poller,
    start: () => poller.start(),
    stop: () => poller.stop(),
  };
}
