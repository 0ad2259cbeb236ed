/**
 * @module
 * The real daemon as a child process (`src/main.ts serve` with the permissions of `deno task
 * start`), its JSON log lines collected as they come, for end-to-end tests.
 */
import { REPO_ROOT } from "./sample_repo.ts";

/** A running `kura serve` process. */
export interface DaemonProcess extends AsyncDisposable {
  /** Where it listens, from its "listening" log line. */
  readonly url: string;
  /** Log lines so far, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Sends `signal` and waits for the exit code. */
  stop(signal?: Deno.Signal): Promise<number>;
}

/** The `--allow-*` flags of `deno task start`, so tests run with exactly its permissions. */
export async function startTaskPermissions(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(`${REPO_ROOT}/deno.json`));
  return (config.tasks.start as string).split(/\s+/).filter((flag) => flag.startsWith("--allow"));
}

/** Starts `kura serve --port 0 <args>` in `cwd` and waits until it listens (or fails). */
export async function startDaemonProcess(cwd: string, args: string[]): Promise<DaemonProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      ...(await startTaskPermissions()),
      `${REPO_ROOT}/src/main.ts`,
      "serve",
      "--port",
      "0",
      ...args,
    ],
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  let listening!: (url: string | undefined) => void;
  const url = new Promise<string | undefined>((resolve) => (listening = resolve));
  const reading = (async () => {
    let buffer = "";
    for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf("\n")) !== -1) {
        const line = JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        logs.push(line);
        if (line.msg === "listening") listening(line.url);
      }
    }
    listening(undefined);
  })();
  const draining = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) stderr += chunk;
  })();
  const timer = setTimeout(() => listening(undefined), 30_000);
  const address = await url;
  clearTimeout(timer);
  let exit: Promise<number> | undefined;
  const stop = (signal: Deno.Signal = "SIGTERM") => {
    if (exit) return exit;
    try {
      child.kill(signal);
    } catch {
      // already exited
    }
    exit = Promise.all([child.status, reading, draining]).then(([status]) => status.code);
    return exit;
  };
  if (address === undefined) {
    await stop("SIGKILL");
    throw new Error(`kura serve did not start:\n${stderr}\n${JSON.stringify(logs)}`);
  }
  return {
    url: address,
    logs,
    stop,
    [Symbol.asyncDispose]: async () => void await stop("SIGKILL"),
  };
}

/** Polls `check` every 50 ms until it returns a value, or fails after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not met within ${ms} ms`);
}
