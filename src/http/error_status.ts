/**
 * @module
 * The one place where kura's error classes become HTTP statuses, and every error becomes a JSON body
 * `{"error": "<message>"}`. Server-side failures (5xx) never show their message: it may name files or
 * data; it goes to the log instead.
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

/** The response for `error`: its status, `{"error": message}`, and the headers the status needs. */
export function errorResponse(c: Context, error: unknown): Response {
  const status = statusOf(error);
  const message = status >= 500
    ? "Internal server error; see the daemon's log"
    : error instanceof Error
    ? error.message
    : String(error);
  if (status === 401) c.header("WWW-Authenticate", 'Bearer realm="kura"');
  if (error instanceof HTTPException) {
    for (const [name, value] of error.getResponse().headers) {
      if (name !== "content-type" && name !== "content-length") c.header(name, value);
    }
  }
  c.header("Cache-Control", "no-store");
  return c.json({ error: message }, status);
}
