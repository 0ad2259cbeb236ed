/**
 * @module
 * One JSON log line per request, and the request metrics. The line has the method, the path (never
 * the query string, never the Authorization header), the route pattern, the status, the bytes sent,
 * the duration, the feed and the id of the token used, if any.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app_env.ts";
import type { Logger } from "./logger.ts";
import type { MetricsRegistry } from "./metrics.ts";

/** Middleware logging each request and counting it in `metrics`. */
export function requestLog(logger: Logger, metrics: MetricsRegistry): MiddlewareHandler<AppEnv> {
  const requests = metrics.counter(
    "kura_http_requests_total",
    "HTTP requests, by method, route and status",
  );
  const durations = metrics.histogram(
    "kura_http_request_duration_seconds",
    "Time to answer HTTP requests, by route",
  );
  // Label sets repeat: resolve each one's series once rather than on every request.
  const counted = new Map<string, () => void>();
  const timed = new Map<string, (seconds: number) => void>();
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.get("route") ?? "unmatched";
    const status = c.res.status;
    const method =
      ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(c.req.method)
        ? c.req.method
        : "other";
    const key = `${method} ${status} ${route}`;
    let count = counted.get(key);
    if (count === undefined) {
      count = requests.bind({ method, route, status: String(status) });
      if (counted.size < 1000) counted.set(key, count);
    }
    count();
    let time = timed.get(route);
    if (time === undefined) {
      time = durations.bind({ route });
      if (timed.size < 1000) timed.set(route, time);
    }
    time(seconds);
    const remote = (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr;
    const length = c.res.headers.get("Content-Length");
    logger(status >= 500 ? "error" : "info", "request", {
      method: c.req.method,
      path: truncate(c.req.path, 256),
      route,
      status,
      bytes: length === null ? undefined : Number(length),
      encoding: c.res.headers.get("Content-Encoding") ?? undefined,
      ms: Math.round(seconds * 1e5) / 100,
      feed: c.get("feed"),
      token: c.get("token")?.id,
      remote: remote?.hostname,
      agent: truncate(c.req.header("User-Agent") ?? "", 128) || undefined,
    });
  };
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
