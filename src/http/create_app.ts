/**
 * @module
 * `createApp(deps)`: kura's HTTP app. Feed reads take the feed path (feed_requests.ts); everything
 * else goes to a Hono app: middleware first (request log and metrics, security headers, request
 * limits), then the route groups (operations, admin), then the one error mapping
 * (`error_status.ts`). Both share the same request limits, error responses and request recorder.
 */
import { Hono } from "hono";
import { mergePath } from "hono/utils/url";
import { NotFoundError } from "../errors.ts";
import type { ManifestSigner } from "../feed/mod.ts";
import type { AppEnv } from "./app_env.ts";
import type { TokenVerifier } from "./bearer_auth.ts";
import { errorResponse, logServerError } from "./error_status.ts";
import { registerFeedMetrics } from "./feed_metrics.ts";
import { type ConnectionInfo, feedRequests } from "./feed_requests.ts";
import type { FeedSource } from "./feed_source.ts";
import { type Logger, silentLogger } from "./logger.ts";
import { MetricsRegistry } from "./metrics.ts";
import { opsRoutes } from "./ops_routes.ts";
import { type AdminDeps, adminRoutes } from "./admin_routes.ts";
import { requestLimitCheck, type RequestLimits, requestLimits } from "./request_limits.ts";
import { requestLog, requestRecorder } from "./request_log.ts";
import { securityHeaders } from "./security_headers.ts";

/** Everything the app uses of the outside world. */
export interface AppDeps {
  /** The published feeds. */
  readonly feeds: FeedSource;
  /** Verifies bearer tokens (a TokenStore). */
  readonly tokens: TokenVerifier;
  /** Signs every feed's manifest (`manifest.json.sig`); absent = feeds are not signed. */
  readonly signer?: ManifestSigner;
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

/** kura's HTTP app. */
export interface KuraApp {
  /** Answers a request: the handler to give `Deno.serve`. */
  readonly fetch: (request: Request, info?: ConnectionInfo) => Response | Promise<Response>;
  /**
   * Answers `input` (a path such as `/healthz`, a URL or a Request) with `init`, as Hono's
   * `app.request` does: for tests, which so go through the same paths as served requests.
   */
  readonly request: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

/** Builds the app; serve it with `Deno.serve(options, app.fetch)`. */
export function createApp(deps: AppDeps): KuraApp {
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? new MetricsRegistry();
  const now = deps.now ?? (() => new Date());
  registerFeedMetrics(metrics, deps.feeds);
  const record = requestRecorder(logger, metrics);
  const limits = requestLimitCheck(deps.limits);
  const feeds = feedRequests({
    feeds: deps.feeds,
    tokens: deps.tokens,
    signer: deps.signer,
    limits,
    record,
    logger,
  });
  const app = new Hono<AppEnv>();
  app.use(requestLog(record));
  app.use(securityHeaders());
  app.use(requestLimits(limits));
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
    logServerError(logger, error, { method: c.req.method, path: c.req.path });
    return errorResponse(c, error);
  });
  const fetch = (request: Request, info?: ConnectionInfo) =>
    feeds(request, info) ?? app.fetch(request, info);
  return {
    fetch,
    request: (input, init) => Promise.resolve(fetch(requestOf(input, init))),
  };
}

/** The Request Hono's `app.request` would make of `input` and `init`. */
function requestOf(input: string | URL | Request, init?: RequestInit): Request {
  if (input instanceof Request) return init ? new Request(input, init) : input;
  const text = input.toString();
  return new Request(
    /^https?:\/\//.test(text) ? text : `http://localhost${mergePath("/", text)}`,
    init,
  );
}
