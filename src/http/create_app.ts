/**
 * @module
 * `createApp(deps)`: kura's HTTP app. Middleware first (request log and metrics, security headers,
 * request limits), then the route groups: feeds and operations (more groups, such as admin routes,
 * mount the same way), then the one error mapping (`error_status.ts`).
 */
import { Hono } from "hono";
import { NotFoundError } from "../errors.ts";
import type { AppEnv } from "./app_env.ts";
import type { TokenVerifier } from "./bearer_auth.ts";
import { errorResponse, statusOf } from "./error_status.ts";
import { registerFeedMetrics } from "./feed_metrics.ts";
import { feedRoutes } from "./feed_routes.ts";
import type { FeedSource } from "./feed_source.ts";
import { type Logger, silentLogger } from "./logger.ts";
import { MetricsRegistry } from "./metrics.ts";
import { opsRoutes } from "./ops_routes.ts";
import { type AdminDeps, adminRoutes } from "./admin_routes.ts";
import { type RequestLimits, requestLimits } from "./request_limits.ts";
import { requestLog } from "./request_log.ts";
import { securityHeaders } from "./security_headers.ts";

/** Everything the app uses of the outside world. */
export interface AppDeps {
  /** The published feeds. */
  readonly feeds: FeedSource;
  /** Verifies bearer tokens (a TokenStore). */
  readonly tokens: TokenVerifier;
  /** Request and error log (default: none). */
  readonly logger?: Logger;
  /** Where request metrics go and /metrics reads (default: a fresh registry). */
  readonly metrics?: MetricsRegistry;
  /** Header and URL limits (defaults in {@link RequestLimits}). */
  readonly limits?: RequestLimits;
  /** When the daemon started (default: now). */
  readonly startedAt?: Date;
  /** Clock (default: the system clock). */
  readonly now?: () => Date;
  /** kura's version, shown by /status. */
  readonly version?: string;
  /** How file paths are shown in /status (default: as they are). */
  readonly displayPath?: (path: string) => string;
  /** The admin endpoints (jobs, peers, pulls); absent = not served. */
  readonly admin?: Omit<AdminDeps, "tokens">;
}

/** Builds the Hono app; serve it with `Deno.serve(options, app.fetch)`. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? new MetricsRegistry();
  const now = deps.now ?? (() => new Date());
  registerFeedMetrics(metrics, deps.feeds);
  const app = new Hono<AppEnv>();
  app.use(requestLog(logger, metrics));
  app.use(securityHeaders());
  app.use(requestLimits(deps.limits));
  app.route("/", feedRoutes(deps));
  app.route(
    "/",
    opsRoutes({
      ...deps,
      metrics,
      now,
      startedAt: deps.startedAt ?? now(),
      version: deps.version ?? "unknown",
    }),
  );
  if (deps.admin) app.route("/", adminRoutes({ ...deps.admin, tokens: deps.tokens }));
  app.notFound((c) => errorResponse(c, new NotFoundError("Not found")));
  app.onError((error, c) => {
    if (statusOf(error) >= 500) {
      logger("error", "request failed", {
        method: c.req.method,
        path: c.req.path,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    return errorResponse(c, error);
  });
  return app;
}
