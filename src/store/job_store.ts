/**
 * @module
 * Records of pull passes ("jobs"), one file each in `<state>/jobs/<id>.json`: written when a pass
 * starts and again when it ends, so a pass that died shows as `running` with no end. The newest
 * {@link JobStore} keeps at most `keep` records.
 */
import { compactTime, filesIn, readStateJson, writeStateJson } from "./state_files.ts";

/** How a pass ended. */
export type JobStatus = "running" | "ok" | "not-modified" | "partial" | "failed";

/** One pull pass. */
export interface JobRecord {
  readonly id: string;
  readonly peer: string;
  /** What started it: `cli`, `poller`, `api`. */
  readonly trigger: string;
  /** ISO-8601 times. */
  readonly started: string;
  readonly finished?: string;
  readonly status: JobStatus;
  /** Events per result status (new, updated, unchanged, rejected, quarantined). */
  readonly counts: Readonly<Record<string, number>>;
  readonly error?: string;
  /** Process id that ran it. */
  readonly pid?: number;
}

/** Job records in `<state>/jobs/`. */
export class JobStore {
  readonly #dir: string;
  readonly #keep: number;

  /** Opens the jobs of state folder `stateDir`, keeping the newest `keep` (default 1000). */
  constructor(stateDir: string, options: { keep?: number } = {}) {
    this.#dir = `${stateDir.replace(/\/+$/, "")}/jobs`;
    this.#keep = options.keep ?? 1000;
  }

  /** Records the start of a pass and returns its record. */
  async start(peer: string, trigger: string, time: Date): Promise<JobRecord> {
    const suffix = [...crypto.getRandomValues(new Uint8Array(3))]
      .map((b) => b.toString(16).padStart(2, "0")).join("");
    const record: JobRecord = {
      id: `${compactTime(time)}-${peer}-${suffix}`,
      peer,
      trigger,
      started: time.toISOString(),
      status: "running",
      counts: {},
      pid: Deno.pid,
    };
    await writeStateJson(this.#path(record.id), record);
    await this.#prune();
    return record;
  }

  /** Records the end of a pass. */
  async finish(
    job: JobRecord,
    outcome: { status: JobStatus; counts: Record<string, number>; error?: string; time: Date },
  ): Promise<JobRecord> {
    const record: JobRecord = {
      ...job,
      status: outcome.status,
      counts: outcome.counts,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
      finished: outcome.time.toISOString(),
    };
    await writeStateJson(this.#path(job.id), record);
    return record;
  }

  /** Records, newest first; `peer` filters, `limit` caps (default 50). */
  async list(options: { peer?: string; limit?: number } = {}): Promise<JobRecord[]> {
    const names = (await filesIn(this.#dir, ".json")).reverse();
    const records: JobRecord[] = [];
    for (const name of names) {
      if (records.length >= (options.limit ?? 50)) break;
      const record = await readStateJson<JobRecord>(`${this.#dir}/${name}`).catch(() => undefined);
      if (record && (options.peer === undefined || record.peer === options.peer)) {
        records.push(record);
      }
    }
    return records;
  }

  /** The record `id`, or undefined. */
  get(id: string): Promise<JobRecord | undefined> {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) return Promise.resolve(undefined);
    return readStateJson<JobRecord>(this.#path(id));
  }

  #path(id: string): string {
    return `${this.#dir}/${id}.json`;
  }

  async #prune(): Promise<void> {
    const names = await filesIn(this.#dir, ".json");
    for (const name of names.slice(0, Math.max(0, names.length - this.#keep))) {
      await Deno.remove(`${this.#dir}/${name}`).catch(() => {});
    }
  }
}
