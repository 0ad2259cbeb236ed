/**
 * @module
 * A pull pass as a job: one pass per peer at a time (a lock file per peer in the state folder, so the
 * CLI and the daemon never pull the same peer at once), recorded in the job store from start to end.
 */
import type { PeerConfig } from "../config/mod.ts";
import {
  type JobRecord,
  type JobStore,
  removeStaleTempFiles,
  withWriteLock,
} from "../store/mod.ts";
import { type PullDeps, pullPass, type PullReport } from "./pull_pass.ts";

/** What {@link runPull} uses beyond a pass's dependencies. */
export interface RunPullDeps extends PullDeps {
  readonly jobs: JobStore;
  /** The state folder (absolute), for the per-peer lock. */
  readonly stateDir: string;
  /** What started the pass: `cli`, `poller`, `api`. */
  readonly trigger: string;
  /** The data folder, to clear temp files an interrupted writer left; optional. */
  readonly dataDir?: string;
  /** Called once the job is recorded as started. */
  readonly onStart?: (job: JobRecord) => void;
}

/** Runs one recorded pass of `peer` under its lock. */
export async function runPull(
  peer: PeerConfig,
  deps: RunPullDeps,
): Promise<{ report: PullReport; job: JobRecord }> {
  await Deno.mkdir(`${deps.stateDir}/peers`, { recursive: true });
  return await withWriteLock(`${deps.stateDir}/peers/${peer.name}.lock`, async () => {
    const job = await deps.jobs.start(peer.name, deps.trigger, deps.now());
    deps.onStart?.(job);
    let report: PullReport;
    try {
      const dataDir = deps.dataDir;
      report = await pullPass(peer, {
        ...deps,
        beforeWrites: deps.beforeWrites ??
          (dataDir ? () => removeStaleTempFiles(dataDir) : undefined),
      });
    } catch (cause) {
      await deps.jobs.finish(job, {
        status: "failed",
        counts: {},
        error: (cause as Error).message,
        time: deps.now(),
      });
      throw cause;
    } finally {
      deps.client.closeIdle(); // the next pass is minutes away: keep no connection open till then
    }
    const finished = await deps.jobs.finish(job, {
      status: report.status,
      counts: report.counts,
      error: report.error,
      time: deps.now(),
    });
    return { report, job: finished };
  });
}
