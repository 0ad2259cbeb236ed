/**
 * @module
 * Operations routes: `GET /healthz` (liveness), `GET /status` (feeds, event counts, last render,
 * files that failed validation) and `GET /metrics` (Prometheus). The status names files and issue
 * codes to anyone who can reach it, but the issue messages (which quote event values, and so may
 * quote restricted intelligence) only to a request with an admin token; the log has them too.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Issue } from "../model/mod.ts";
import type { AppEnv } from "./app_env.ts";
import { authenticate, bearerToken, type TokenVerifier } from "./bearer_auth.ts";
import type { FeedSource } from "./feed_source.ts";
import type { MetricsRegistry } from "./metrics.ts";

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
  app.get("/status", async (c) => {
    c.set("route", "/status");
    const detailed = bearerToken(c.req.header("Authorization")) !== undefined &&
      (await authenticate(c, deps.tokens, "admin"), true);
    const status = deps.feeds.status();
    const issues = (list: readonly Issue[]) =>
      list.map(({ code, severity, path, message }) =>
        detailed ? { code, severity, path, message } : { code, severity, path }
      );
    const degraded = status.invalidFiles.length > 0 || status.rejectedRecords.length > 0 ||
      status.feeds.some((feed) => !feed.served);
    const now = deps.now();
    return c.json({
      status: degraded ? "degraded" : "ok",
      version: deps.version,
      startedAt: deps.startedAt.toISOString(),
      uptimeSeconds: Math.round((now.getTime() - deps.startedAt.getTime()) / 1000),
      detail: detailed ? "full" : "summary (issue messages need an admin token)",
      feeds: status.feeds.map((feed) => ({
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
      invalidFiles: status.invalidFiles.map((file) => ({
        file: show(file.file),
        since: file.since,
        lastGoodIn: file.lastGoodIn,
        issues: issues(file.issues),
      })),
      rejectedRecords: status.rejectedRecords.map((record) => ({
        file: show(record.file),
        issues: issues(record.issues),
      })),
      lastRender: status.lastRender && {
        kind: status.lastRender.kind,
        at: status.lastRender.at,
        durationMs: Math.round(status.lastRender.durationMs * 10) / 10,
        filesRead: status.lastRender.filesRead,
      },
    });
  });
  app.get("/metrics", (c) => {
    c.set("route", "/metrics");
    return c.body(deps.metrics.render(), 200, {
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
