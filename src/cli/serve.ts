/**
 * @module
 * `kura serve [--host <h>] [--port <p>]`: the daemon. Renders the feeds, serves them over HTTP and
 * re-renders what changes on disk, until SIGINT or SIGTERM. Logs are JSON lines on stdout.
 */
import { loadConfig } from "../config/mod.ts";
import { startDaemon } from "../daemon.ts";
import { UsageError } from "../errors.ts";
import { bufferedWriter, jsonLineLogger } from "../http/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { displayPath } from "./display_path.ts";
import type { EventCheckOptions } from "./event_checks.ts";
import { parseFlags } from "./parse_flags.ts";
import { VERSION } from "./version.ts";

/** `kura serve`. */
export const serveCommand: Command = {
  name: "serve",
  stopsOnSignal: true,
  summary: "serve the feeds over HTTP and re-render them as files change",
  help: `Usage: kura serve [options]

Renders every feed of the feeds folder from the data folder, serves them over HTTP, and re-renders
what a change on disk touches (one edited event: its file, its hash lines and its manifest entry).
An edited file that fails validation does not replace its last good version; it is reported in the
log and in GET /status. Stops cleanly on SIGINT or SIGTERM.

Endpoints: GET|HEAD /feeds/<name>/manifest.json, /feeds/<name>/hashes.csv,
/feeds/<name>/<uuid>.json (Authorization: Bearer <token> for token feeds), and
/feeds/<name>/manifest.json.sig when the instance has a signing key (kura feed key init);
GET /healthz, GET /status, GET /metrics; with an admin token: GET /jobs, GET /jobs/<id>,
GET /peers, POST /peers/<name>/pull. Logs: one JSON object per line on stdout.

The configured peers are polled, each on its own interval (see kura pull for what a pass does).

Options:
  --host <host>     address to listen on (default: config server.host, 127.0.0.1)
  --port <port>     port to listen on, 0 for any free one (default: config server.port, 8080)
  --first-poll <s>  each peer's first pass comes within this many seconds of start, spread at
                    random (default 30); passes can always be started with POST /peers/<name>/pull
  --watcher <w>     native (default: one OS watch per folder) or chokidar (one per file; slow
                    when thousands of files change at once)

Exit status: 0 stopped by a signal, 2 usage, configuration or listening error.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      host: { type: "string" },
      port: { type: "string" },
      "first-poll": { type: "string" },
      watcher: { type: "string" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    if (flags.positionals.length > 0) {
      throw new UsageError(`unexpected argument "${flags.positionals[0]}"`);
    }
    const host = flags.values.host;
    if (host !== undefined && !/^[A-Za-z0-9.:_-]+$/.test(host)) {
      throw new UsageError(`--host must be a host name or an IP address; got "${host}"`);
    }
    const watcher = flags.values.watcher ?? "native";
    if (watcher !== "native" && watcher !== "chokidar") {
      throw new UsageError(`--watcher must be native or chokidar; got "${watcher}"`);
    }
    const config = await loadConfig({
      cwd: env.cwd,
      config: flags.values.config ?? env.getEnv("KURA_CONFIG"),
      data: flags.values.data,
      feeds: flags.values.feeds,
      state: flags.values.state,
      host,
      port: parsePort(flags.values.port),
    });
    const output = bufferedWriter(env.stdout);
    const logger = jsonLineLogger(output, env.now);
    let daemon;
    try {
      daemon = await startDaemon({
        config,
        logger,
        // Render threads build their own checks from this (functions cannot cross threads).
        checks: {
          module: new URL("./event_checks.ts", import.meta.url).href,
          name: "eventChecksFor",
          args: [config, { strictTags: false } satisfies EventCheckOptions],
        },
        signal: env.signal,
        watcher,
        version: VERSION,
        now: env.now,
        displayPath: (path) => displayPath(path, env.cwd),
        getEnv: env.getEnv,
        pollStartDelay: parseSeconds(flags.values["first-poll"]),
      });
    } catch (cause) {
      output.flush();
      if (cause instanceof Deno.errors.AddrInUse || cause instanceof Deno.errors.AddrNotAvailable) {
        env.stderr(
          `kura serve: cannot listen on ${config.server.host}:${config.server.port}: ${
            (cause as Error).message
          }\n`,
        );
        return Exit.Error;
      }
      throw cause;
    }
    await daemon.finished;
    output.flush();
    return Exit.Ok;
  },
};

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535; got "${value}"`);
  }
  return Number(value);
}

function parseSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,7}$/.test(value)) {
    throw new UsageError(`--first-poll must be a number of seconds; got "${value}"`);
  }
  return Number(value);
}
