/**
 * @module
 * Limits on what a request may carry, checked before any route: header size, URL length, and no
 * body on GET or HEAD (kura's read routes take none, and a body there is a smuggling or
 * resource-exhaustion attempt rather than a client bug).
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

/** Middleware refusing oversized headers (431), URLs (414) and bodies on GET/HEAD (413). */
export function requestLimits(limits: RequestLimits = {}): MiddlewareHandler {
  const maxHeaderBytes = limits.maxHeaderBytes ?? 8 * 1024;
  const maxUrlBytes = limits.maxUrlBytes ?? 2 * 1024;
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf("/", url.indexOf("//") + 2);
    if (start !== -1 && url.length - start > maxUrlBytes) {
      throw new HTTPException(414, { message: `URL longer than ${maxUrlBytes} bytes` });
    }
    let headerBytes = 0;
    for (const [name, value] of c.req.raw.headers) headerBytes += name.length + value.length + 4;
    if (headerBytes > maxHeaderBytes) {
      throw new HTTPException(431, { message: `Request headers exceed ${maxHeaderBytes} bytes` });
    }
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") {
      const length = c.req.header("Content-Length");
      if ((length !== undefined && length.trim() !== "0") || c.req.header("Transfer-Encoding")) {
        throw new HTTPException(413, { message: `${method} requests take no body` });
      }
    }
    await next();
  };
}
