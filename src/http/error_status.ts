/**
 * @module
 * The one place where kura's error classes become HTTP statuses, and every error becomes a JSON body
 * `{"error": "<message>"}`. Server-side failures (5xx) never show their message: it may name files or
 * data; it goes to the log instead. Hono's handlers and the feed path build the same responses.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  ConfigError,
  ConflictError,
  InvalidDataError,
  NotFoundError,
  UnauthorizedError,
  UsageError,
} from "../errors.ts";
import type { Logger } from "./logger.ts";

/** The HTTP status of an error thrown while handling a request. */
export function statusOf(error: unknown): ContentfulStatusCode {
  if (error instanceof HTTPException) return error.status as ContentfulStatusCode;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof ConflictError) return 409;
  if (error instanceof UsageError) return 400;
  if (error instanceof InvalidDataError) return 422;
  if (error instanceof ConfigError) return 500;
  return 500;
}

/** What the error response for `error` says: its status, its JSON body and its extra headers. */
function errorParts(error: unknown): {
  status: ContentfulStatusCode;
  body: { error: string };
  headers: [string, string][];
} {
  const status = statusOf(error);
  const message = status >= 500
    ? "Internal server error; see the daemon's log"
    : error instanceof Error
    ? error.message
    : String(error);
  const headers: [string, string][] = [];
  if (status === 401) headers.push(["WWW-Authenticate", 'Bearer realm="kura"']);
  if (error instanceof HTTPException) {
    for (const [name, value] of error.getResponse().headers) {
      if (name !== "content-type" && name !== "content-length") headers.push([name, value]);
    }
  }
  headers.push(["Cache-Control", "no-store"]);
  return { status, body: { error: message }, headers };
}

/** The response for `error`: its status, `{"error": message}`, and the headers the status needs. */
export function errorResponse(c: Context, error: unknown): Response {
  const { status, body, headers } = errorParts(error);
  for (const [name, value] of headers) c.header(name, value);
  return c.json(body, status);
}

/** {@link errorResponse} outside Hono (the feed path): the same status, body and headers. */
export function plainErrorResponse(error: unknown): Response {
  const { status, body, headers } = errorParts(error);
  return new Response(JSON.stringify(body), {
    status,
    headers: [...headers, ["Content-Type", "application/json"]],
  });
}

/** Logs a server-side failure (5xx) of a request with its stack; client errors are not logged. */
export function logServerError(
  logger: Logger,
  error: unknown,
  request: { readonly method: string; readonly path: string },
): void {
  if (statusOf(error) < 500) return;
  logger("error", "request failed", {
    method: request.method,
    path: request.path,
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
