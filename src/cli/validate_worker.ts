/**
 * @module
 * Worker thread of `kura validate`: builds its own event checks from the run's settings, then checks
 * the files it is sent, one after the other with blocking reads (the other workers keep the other
 * cores busy meanwhile, and a blocking read costs less CPU than an async one), posting each file's
 * issues back with the file's index. Protocol in `check_files_in_workers.ts`.
 */
import { eventChecksFor } from "./event_checks.ts";
import { checkFoundFile, type FileCheckSettings } from "./file_checks.ts";
import type { FromWorker, ToWorker } from "./check_files_in_workers.ts";
import type { EventCheck } from "../validate/mod.ts";

/** The worker-side global scope, typed locally (the project compiles with the window lib). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
};

type Job = Extract<ToWorker, { type: "check" }>;

let settings: FileCheckSettings | undefined;
let checks: readonly EventCheck[] = [];
const queue: Job[] = [];
let running = false;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "init") void init(message.settings);
  else {
    queue.push(message);
    void drain();
  }
};

async function init(given: FileCheckSettings): Promise<void> {
  try {
    checks = await eventChecksFor(given.config, { strictTags: given.strictTags });
    settings = given;
    scope.postMessage({ type: "ready" });
    void drain();
  } catch (cause) {
    scope.postMessage({ type: "failed", ...describe(cause) });
  }
}

async function drain(): Promise<void> {
  if (running || settings === undefined) return;
  running = true;
  try {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const issues = await checkFoundFile(job.file, { settings, checks, blocking: true });
      scope.postMessage({ type: "result", index: job.index, issues });
    }
  } catch (cause) {
    scope.postMessage({ type: "failed", ...describe(cause) });
  } finally {
    running = false;
  }
}

function describe(cause: unknown): { name: string; message: string } {
  return cause instanceof Error
    ? { name: cause.name, message: cause.message }
    : { name: "Error", message: String(cause) };
}
