/**
 * @module
 * One JSON log line per request, and the request metrics. The line has the method, the path (never
 * the query string, never the Authorization header), the route pattern, the status, the bytes sent,
 * the duration, the feed and the id of the token used, if any. The feed path and the Hono app's
 * middleware record through the same {@link RequestRecorder}. The line is built with a template
 * rather than by serialising an object: it is written for every request, and every value that does
 * not come from kura itself is still escaped by `JSON.stringify`.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app_env.ts";
import { type Logger, logMembers } from "./logger.ts";
import type { MetricsRegistry } from "./metrics.ts";

/** What is recorded of one answered request. */
export interface RequestRecord {
  /** The request method, as sent. */
  readonly method: string;
  /** The URL path as routed (decoded, without the query string). */
  readonly path: string;
  /** The route pattern that handled it; undefined when none did. */
  readonly route: string | undefined;
  /** The response status. */
  readonly status: number;
  /** The length of the body sent (its `Content-Length`), when known. */
  readonly bytes: number | undefined;
  /** Its `Content-Encoding`, if any. */
  readonly encoding: string | undefined;
  /** Time taken to answer, in milliseconds. */
  readonly ms: number;
  /** The feed the request named, when it is served. */
  readonly feed: string | undefined;
  /** The id of the token that authenticated the request. */
  readonly token: string | undefined;
  /** The client's address. */
  readonly remote: string | undefined;
  /** The User-Agent header. */
  readonly agent: string | null;
}

/** Logs one request and counts it in the metrics. */
export type RequestRecorder = (record: RequestRecord) => void;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The recorder writing to `logger` and `metrics`. */
export function requestRecorder(logger: Logger, metrics: MetricsRegistry): RequestRecorder {
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
  return (record) => {
    const route = record.route ?? "unmatched";
    const status = record.status;
    const method = METHODS.has(record.method) ? record.method : "other";
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
    time(record.ms / 1000);
    const { bytes, encoding } = record;
    // The members in the order of the line; absent values are left out.
    let members = `"method":${JSON.stringify(record.method)},"path":${
      JSON.stringify(truncate(record.path, 256))
    },"route":${JSON.stringify(route)},"status":${status}`;
    if (bytes !== undefined) members += `,"bytes":${jsonNumber(bytes)}`;
    if (encoding !== undefined) members += `,"encoding":${JSON.stringify(encoding)}`;
    members += `,"ms":${jsonNumber(Math.round(record.ms * 100) / 100)}`;
    if (record.feed !== undefined) members += `,"feed":${JSON.stringify(record.feed)}`;
    if (record.token !== undefined) members += `,"token":${JSON.stringify(record.token)}`;
    if (record.remote !== undefined) members += `,"remote":${JSON.stringify(record.remote)}`;
    const agent = record.agent === null ? "" : truncate(record.agent, 128);
    if (agent !== "") members += `,"agent":${JSON.stringify(agent)}`;
    logMembers(logger, { level: status >= 500 ? "error" : "info", msg: "request", members });
  };
}

/** Middleware recording each request of the Hono app with `record`. */
export function requestLog(record: RequestRecorder): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const remote = (c.env as { remoteAddr?: { hostname?: string } } | undefined)?.remoteAddr;
    const length = c.res.headers.get("Content-Length");
    record({
      method: c.req.method,
      path: c.req.path,
      route: c.get("route"),
      status: c.res.status,
      bytes: length === null ? undefined : Number(length),
      encoding: c.res.headers.get("Content-Encoding") ?? undefined,
      ms: performance.now() - started,
      feed: c.get("feed"),
      token: c.get("token")?.id,
      remote: remote?.hostname,
      agent: c.req.raw.headers.get("User-Agent"),
    });
  };
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** A number as JSON writes it (NaN and infinities as null). */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
}
