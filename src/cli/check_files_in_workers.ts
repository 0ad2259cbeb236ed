/**
 * @module
 * Checks files on a small pool of worker threads (one per core) and yields their issues in file order,
 * exactly as {@link checkFilesInOrder} would. Memory stays bounded: at most {@link WINDOW} files are
 * dispatched ahead of the first one not yet yielded, and each worker holds only the few it is checking.
 */
import { ConfigError, InvalidDataError, UsageError } from "../errors.ts";
import type { Issue } from "../model/mod.ts";
import type { FoundFile } from "../store/mod.ts";
import type { FileCheckSettings } from "./file_checks.ts";

/** Messages to a worker: the run's settings first, then files to check. */
export type ToWorker =
  | { type: "init"; settings: FileCheckSettings }
  | { type: "check"; index: number; file: FoundFile };

/** Messages from a worker. */
export type FromWorker =
  | { type: "ready" }
  | { type: "result"; index: number; issues: Issue[] }
  | { type: "failed"; name: string; message: string };

/** Files dispatched ahead of the next file to yield (bounds out-of-order results in memory). */
export const WINDOW = 128;
/** Files queued at one worker. */
const PER_WORKER = 16;
const WORKER_URL = new URL("./validate_worker.ts", import.meta.url).href;

/** Options of {@link checkFilesInWorkers}. */
export interface WorkerPoolOptions {
  readonly settings: FileCheckSettings;
  /** Number of worker threads. */
  readonly workers: number;
}

/** Yields the issues of each file, in the order of `files`, checked on worker threads. */
export async function* checkFilesInWorkers(
  files: readonly FoundFile[],
  options: WorkerPoolOptions,
): AsyncGenerator<Issue[]> {
  const { settings, workers: workerCount } = options;
  const workers: Worker[] = [];
  const load: number[] = [];
  const done = new Map<number, Issue[]>();
  let failure: Error | undefined;
  let ready = 0;
  let wake: (() => void) | undefined;
  let next = 0;
  let emitted = 0;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const waitForNews = () => new Promise<void>((resolve) => (wake = resolve));
  const dispatch = () => {
    if (ready < workers.length) return;
    for (let w = 0; w < workers.length; w++) {
      while (load[w]! < PER_WORKER && next < files.length && next - emitted < WINDOW) {
        workers[w]!.postMessage({ type: "check", index: next, file: files[next]! } as ToWorker);
        load[w]!++;
        next++;
      }
    }
  };
  try {
    for (let w = 0; w < workerCount; w++) {
      const worker = new Worker(WORKER_URL, { type: "module", name: `kura-validate-${w}` });
      workers.push(worker);
      load.push(0);
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === "ready") ready++;
        else if (message.type === "result") {
          load[w]!--;
          done.set(message.index, message.issues);
        } else failure ??= rebuildError(message);
        dispatch();
        notify();
      };
      worker.onerror = (event) => {
        event.preventDefault();
        failure ??= new Error(`A validation worker stopped: ${event.message}`);
        notify();
      };
      worker.postMessage({ type: "init", settings } as ToWorker);
    }
    while (emitted < files.length) {
      if (failure) throw failure;
      const issues = done.get(emitted);
      if (issues === undefined) {
        await waitForNews();
        continue;
      }
      done.delete(emitted);
      emitted++;
      dispatch();
      yield issues;
    }
  } finally {
    for (const worker of workers) worker.terminate();
  }
}

/** Turns a worker's failure back into the error class the CLI reports plainly. */
function rebuildError(message: { name: string; message: string }): Error {
  const Class = { ConfigError, InvalidDataError, UsageError }[message.name] ?? Error;
  return new Class(message.message);
}
