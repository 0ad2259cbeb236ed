/**
 * @module
 * The daemon: renders the feeds (publish/), watches `data/` and `feeds/` (watch/) and applies each
 * batch of changes, polls the configured peers (sync/, each pass a recorded job; what it pulls is
 * seen by the watcher like any other change), and serves the HTTP app (http/) with `Deno.serve`,
 * admin endpoints included, until its signal is aborted. Start-up renders before listening, so the
 * first request already sees every feed.
 */
import type { Config } from "./config/mod.ts";
import { createApp, type Logger, MetricsRegistry, observeRender } from "./http/mod.ts";
import { buildChecks, type CheckSource, FeedCache, type RenderReport } from "./publish/mod.ts";
import { loadSigner, TokenStore } from "./store/mod.ts";
import { createSyncService } from "./sync/mod.ts";
import { ChokidarWatcher, DenoFsWatcher, type Watcher } from "./watch/mod.ts";

/** Options of {@link startDaemon}. */
export interface DaemonOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Where the extra event checks come from, as `kura validate` runs them (default none). */
  readonly checks?: CheckSource;
  /** Stops the daemon when aborted. */
  readonly signal?: AbortSignal;
  /** kura's version, for /status. */
  readonly version?: string;
  /** Clock (default: the system clock). */
  readonly now?: () => Date;
  /** How file paths are shown in logs and /status (default: as they are). */
  readonly displayPath?: (path: string) => string;
  /**
   * How the data and feeds folders are watched: `native` (default, `Deno.watchFs`, one OS watch per
   * folder) or `chokidar` (one per file; see ChokidarWatcher), or a watcher of the caller's.
   */
  readonly watcher?: Watcher | "native" | "chokidar";
  /** Reads environment variables (peer tokens named `KURA_…`); default: none readable. */
  readonly getEnv?: (name: string) => string | undefined;
  /** Poller tuning for tests: first passes within this many seconds of start (default 30). */
  readonly pollStartDelay?: number;
}

/** A running daemon. */
export interface Daemon {
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly cache: FeedCache;
  /** Settles when the daemon has stopped. */
  readonly finished: Promise<void>;
  /** Stops serving (in-flight requests finish) and watching. */
  stop(): Promise<void>;
}

/** Renders the feeds, starts watching and listening; resolves once requests are served. */
export async function startDaemon(options: DaemonOptions): Promise<Daemon> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const show = options.displayPath ?? ((path: string) => path);
  const startedAt = now();
  const onError = (error: Error) => logger("warn", "watch error", { error: error.message });
  const folders = [config.data, config.feeds];
  const watcher = typeof options.watcher === "object"
    ? options.watcher
    : options.watcher === "chokidar"
    ? new ChokidarWatcher(folders, { onError })
    : new DenoFsWatcher(folders, { onError });
  // Watch before the first render, so no change made during it is missed.
  await watcher.ready();
  for (const [name, folder] of [["data", config.data], ["feeds", config.feeds]]) {
    if (!(await isFolder(folder!))) {
      logger("warn", `${name} folder missing; serving without it until it appears`, {
        folder: show(folder!),
      });
    }
  }
  let cache: FeedCache;
  let signer;
  try {
    signer = await loadSigner(config.state);
    cache = await FeedCache.open({
      data: config.data,
      feeds: config.feeds,
      hostOrg: config.org,
      maxEventBytes: config.limits.maxEventBytes,
      checks: options.checks,
      now,
    });
  } catch (cause) {
    await watcher.close();
    throw cause;
  }
  const sync = await createSyncService(config, {
    getEnv: options.getEnv ?? (() => undefined),
    now,
    checks: await buildChecks(options.checks),
    log: logger,
    startDelay: options.pollStartDelay,
  });
  const metrics = new MetricsRegistry();
  const reported = (report: RenderReport) => {
    observeRender(metrics, report);
    logRender(logger, report, show);
  };
  reported(cache.status().lastRender!);
  if (signer) logger("info", "signing feed manifests", { publicKey: signer.publicKey });
  const app = createApp({
    feeds: cache,
    tokens: new TokenStore(config.state),
    signer,
    logger,
    metrics,
    startedAt,
    now,
    version: options.version,
    displayPath: show,
    admin: {
      jobs: sync.context.jobs,
      peers: config.peers,
      peerState: sync.context.peerState,
      poller: sync.poller,
    },
  });
  const stopping = new AbortController();
  let listening!: (url: string) => void;
  const url = new Promise<string>((resolve) => (listening = resolve));
  let server: Deno.HttpServer;
  try {
    server = Deno.serve({
      hostname: config.server.host,
      port: config.server.port,
      signal: stopping.signal,
      onListen: ({ hostname, port }) => {
        const host = hostname.includes(":") ? `[${hostname}]` : hostname;
        listening(`http://${host}:${port}`);
      },
    }, app.fetch);
  } catch (cause) {
    await watcher.close();
    throw cause;
  }
  const address = await url;
  logger("info", "listening", { url: address, data: show(config.data), feeds: show(config.feeds) });
  sync.start();
  if (config.peers.length > 0) {
    logger("info", "polling peers", { peers: config.peers.map((peer) => peer.name) });
  }

  const watching = (async () => {
    for await (const batch of watcher.batches()) {
      try {
        reported(await cache.apply(batch));
      } catch (cause) {
        logger("error", "render failed", {
          paths: batch.map(show),
          error: cause instanceof Error ? cause.message : String(cause),
        });
      }
    }
  })();

  let stopped: Promise<void> | undefined;
  const stop = () =>
    stopped ??= (async () => {
      logger("info", "stopping");
      await sync.stop();
      stopping.abort();
      await watcher.close();
      await Promise.all([server.finished, watching]);
      logger("info", "stopped");
    })();
  const finished = new Promise<void>((resolve) => {
    const onAbort = () => stop().then(resolve);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
    server.finished.then(() => stop()).then(resolve);
  });
  return { url: address, cache, finished, stop };
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch {
    return false;
  }
}

function logRender(logger: Logger, report: RenderReport, show: (path: string) => string): void {
  if (report.kind === "none") return;
  logger("info", "rendered", {
    kind: report.kind,
    ms: Math.round(report.durationMs * 10) / 10,
    filesRead: report.filesRead,
    changedFeeds: report.changedFeeds,
  });
  for (const invalid of report.invalid) {
    logger("warn", "event file invalid; it does not replace what the feeds serve", {
      file: show(invalid.file),
      issues: invalid.issues,
    });
  }
  for (const file of report.recovered) {
    logger("info", "event file valid again", { file: show(file) });
  }
  for (const feed of report.brokenFeeds) {
    logger("warn", "feed definition invalid; feed not served", {
      feed: feed.name,
      file: show(feed.path),
      issues: feed.issues,
    });
  }
}
