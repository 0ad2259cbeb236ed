/**
 * @module
 * Operations routes: `GET /healthz` (liveness), `GET /status` (feeds, event counts, last render,
 * files that failed validation) and `GET /metrics` (Prometheus). Without a token they show only what
 * is public anyway: the public feeds and counts. Token feeds (whose names and audiences tell who
 * this instance shares with: sharing-group membership is itself sensitive), file names (event uuids
 * of events an anonymous caller may not see) and issue messages (which quote event values) need an
 * admin token; a wrong token is 401, never a quieter answer.
 */
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./app_env.ts";
import { authenticate, type TokenVerifier } from "./bearer_auth.ts";
import type { FeedSource } from "./feed_source.ts";
import type { Labels, MetricsRegistry } from "./metrics.ts";

/** What the operations routes need. */
export interface OpsRouteDeps {
  readonly feeds: FeedSource;
  readonly tokens: TokenVerifier;
  readonly metrics: MetricsRegistry;
  readonly startedAt: Date;
  readonly now: () => Date;
  readonly version: string;
  /** How file paths are shown (default: as they are). */
  readonly displayPath?: (path: string) => string;
}

/** The operations routes, to mount on the app. */
export function opsRoutes(deps: OpsRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const show = deps.displayPath ?? ((path: string) => path);
  app.get("/healthz", (c) => {
    c.set("route", "/healthz");
    return c.json({ status: "ok" });
  });
  /** Whether the request carries an admin token; throws 401 for any other token. */
  const isAdmin = async (c: Context<AppEnv>) =>
    c.req.header("Authorization") !== undefined &&
    (await authenticate(c, deps.tokens, "admin"), true);
  app.get("/status", async (c) => {
    c.set("route", "/status");
    const detailed = await isAdmin(c);
    const status = deps.feeds.status();
    const degraded = status.invalidFiles.length > 0 || status.rejectedRecords.length > 0 ||
      status.feeds.some((feed) => !feed.served);
    const now = deps.now();
    const shown = detailed ? status.feeds : status.feeds.filter((feed) => feed.access === "public");
    const head = {
      status: degraded ? "degraded" : "ok",
      version: deps.version,
      startedAt: deps.startedAt.toISOString(),
      uptimeSeconds: Math.round((now.getTime() - deps.startedAt.getTime()) / 1000),
      detail: detailed
        ? "full"
        : "summary (token feeds, file names and issues need an admin token)",
      feeds: shown.map((feed) => ({
        name: feed.name,
        served: feed.served,
        access: feed.access,
        audience: feed.audience,
        events: feed.stats?.events ?? 0,
        bytes: feed.stats
          ? {
            events: feed.stats.eventBytes,
            manifest: feed.stats.manifestBytes,
            hashes: feed.stats.hashesBytes,
          }
          : undefined,
        updatedAt: feed.updatedAt,
        // Definitions are configuration, not intelligence: their messages are always shown.
        issues: feed.issues,
      })),
      eventFiles: status.eventFiles,
      lastRender: status.lastRender && {
        kind: status.lastRender.kind,
        at: status.lastRender.at,
        durationMs: Math.round(status.lastRender.durationMs * 10) / 10,
        filesRead: status.lastRender.filesRead,
      },
    };
    if (!detailed) {
      return c.json({
        ...head,
        hidden: {
          feeds: status.feeds.length - shown.length,
          invalidFiles: status.invalidFiles.length,
          rejectedRecords: status.rejectedRecords.length,
        },
      });
    }
    return c.json({
      ...head,
      invalidFiles: status.invalidFiles.map((file) => ({
        file: show(file.file),
        since: file.since,
        lastGoodIn: file.lastGoodIn,
        issues: file.issues,
      })),
      rejectedRecords: status.rejectedRecords.map((record) => ({
        file: show(record.file),
        issues: record.issues,
      })),
    });
  });
  app.get("/metrics", async (c) => {
    c.set("route", "/metrics");
    let keep: ((labels: Labels) => boolean) | undefined;
    if (!(await isAdmin(c))) {
      const open = new Set(
        deps.feeds.status().feeds.filter((feed) => feed.access === "public").map((feed) =>
          feed.name
        ),
      );
      keep = (labels) => labels.feed === undefined || open.has(labels.feed);
    }
    return c.body(deps.metrics.render(keep), 200, {
      "Content-Type": "text/plain; version=0.0.4; charset=utf-8",
    });
  });
  for (const path of ["/healthz", "/status", "/metrics"]) {
    app.all(path, (c) => {
      c.set("route", path);
      throw new HTTPException(405, {
        message: `${path} is read with GET or HEAD`,
        res: new Response(null, { headers: { Allow: "GET, HEAD" } }),
      });
    });
  }
  return app;
}
