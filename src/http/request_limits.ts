/**
 * @module
 * Limits on what a request may carry, checked before any route: header size, URL length, and no
 * body on GET or HEAD (kura's read routes take none, and a body there is a smuggling or
 * resource-exhaustion attempt rather than a client bug). One check serves both the feed path and
 * the Hono app's middleware.
 */
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

/** Options of {@link requestLimits}. */
export interface RequestLimits {
  /** Largest total size of the request headers, in bytes (default 8 KiB). */
  maxHeaderBytes?: number;
  /** Longest URL path and query, in bytes (default 2 KiB). */
  maxUrlBytes?: number;
}

/** Checks one request against the limits: the refusal (414, 431 or 413), or undefined. */
export type RequestLimitCheck = (request: Request) => HTTPException | undefined;

/** The check of `limits` (defaults in {@link RequestLimits}). */
export function requestLimitCheck(limits: RequestLimits = {}): RequestLimitCheck {
  const maxHeaderBytes = limits.maxHeaderBytes ?? 8 * 1024;
  const maxUrlBytes = limits.maxUrlBytes ?? 2 * 1024;
  return (request) => {
    const url = request.url;
    const start = url.indexOf("/", url.indexOf("//") + 2);
    if (start !== -1 && url.length - start > maxUrlBytes) {
      return new HTTPException(414, { message: `URL longer than ${maxUrlBytes} bytes` });
    }
    const headers = request.headers;
    let headerBytes = 0;
    headers.forEach((value, name) => {
      headerBytes += name.length + value.length + 4;
    });
    if (headerBytes > maxHeaderBytes) {
      return new HTTPException(431, { message: `Request headers exceed ${maxHeaderBytes} bytes` });
    }
    const method = request.method;
    if (method === "GET" || method === "HEAD") {
      const length = headers.get("Content-Length");
      if ((length !== null && length.trim() !== "0") || headers.get("Transfer-Encoding")) {
        return new HTTPException(413, { message: `${method} requests take no body` });
      }
    }
    return undefined;
  };
}

/** Middleware refusing oversized headers (431), URLs (414) and bodies on GET/HEAD (413). */
export function requestLimits(limits: RequestLimits | RequestLimitCheck = {}): MiddlewareHandler {
  const check = typeof limits === "function" ? limits : requestLimitCheck(limits);
  return async (c, next) => {
    const refused = check(c.req.raw);
    if (refused) throw refused;
    await next();
  };
}
