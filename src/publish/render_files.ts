/**
 * @module
 * Many event files through every feed, as in a full render: on render threads (Web Workers, one per
 * core up to four) when there are enough files to pay for starting them, else in this thread with a
 * few reads in flight. Results come in no particular order. While threads render, this thread stays
 * free to serve requests from the previous rendering.
 */
import type { EventCheck } from "../validate/mod.ts";
import type { CheckSource } from "./check_source.ts";
import { type FileResult, renderFile, type RenderSettings } from "./render_file.ts";

/** Messages to a render thread: the settings first, then batches of files. */
export type ToRenderThread =
  | { type: "init"; settings: RenderSettings; checks?: CheckSource }
  | { type: "render"; paths: string[] };

/** Messages from a render thread. */
export type FromRenderThread =
  | { type: "ready" }
  | { type: "results"; results: FileResult[] }
  | { type: "failed"; message: string };

/** Options of {@link renderFiles}. */
export interface RenderFilesOptions {
  /** Render threads; 1 renders in this thread. */
  readonly threads: number;
  /** Where render threads get their checks. */
  readonly checkSource?: CheckSource;
  /** The checks of this thread (built from the same source). */
  readonly checks: readonly EventCheck[];
}

const WORKER_URL = new URL("./render_worker.ts", import.meta.url).href;
/** Files per message to a thread, and batches queued at one thread. */
const BATCH = 8;
const QUEUED = 2;
/** Reads in flight when rendering in this thread. */
const IN_FLIGHT = 8;

/** Reads, validates and renders every file of `paths`. */
export function renderFiles(
  paths: readonly string[],
  settings: RenderSettings,
  options: RenderFilesOptions,
): AsyncGenerator<FileResult> {
  return options.threads > 1 && paths.length > 0
    ? renderInThreads(paths, settings, options)
    : renderHere(paths, settings, options.checks);
}

async function* renderHere(
  paths: readonly string[],
  settings: RenderSettings,
  checks: readonly EventCheck[],
): AsyncGenerator<FileResult> {
  for (let start = 0; start < paths.length; start += IN_FLIGHT) {
    const batch = paths.slice(start, start + IN_FLIGHT);
    yield* await Promise.all(batch.map((path) => renderFile(path, settings, checks)));
  }
}

async function* renderInThreads(
  paths: readonly string[],
  settings: RenderSettings,
  options: RenderFilesOptions,
): AsyncGenerator<FileResult> {
  const count = Math.min(options.threads, Math.ceil(paths.length / BATCH));
  const workers: Worker[] = [];
  const queued: number[] = [];
  const done: FileResult[] = [];
  let next = 0;
  let received = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const dispatch = (w: number) => {
    while (queued[w]! < QUEUED && next < paths.length) {
      const batch = paths.slice(next, next + BATCH) as string[];
      next += batch.length;
      queued[w]!++;
      workers[w]!.postMessage({ type: "render", paths: batch } satisfies ToRenderThread);
    }
  };
  try {
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_URL, { type: "module", name: `kura-render-${w}` });
      workers.push(worker);
      queued.push(0);
      worker.onmessage = (event: MessageEvent<FromRenderThread>) => {
        const message = event.data;
        if (message.type === "ready") dispatch(w);
        else if (message.type === "results") {
          queued[w]!--;
          done.push(...message.results);
          dispatch(w);
        } else failure ??= new Error(`A render thread failed: ${message.message}`);
        notify();
      };
      worker.onerror = (event) => {
        event.preventDefault();
        failure ??= new Error(`A render thread stopped: ${event.message}`);
        notify();
      };
      worker.postMessage(
        { type: "init", settings, checks: options.checkSource } satisfies ToRenderThread,
      );
    }
    while (received < paths.length) {
      if (failure) throw failure;
      if (done.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const results = done.splice(0);
      received += results.length;
      yield* results;
    }
  } finally {
    for (const worker of workers) worker.terminate();
  }
}
