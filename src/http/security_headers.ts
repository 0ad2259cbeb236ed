/**
 * @module
 * Headers on every response that keep browsers from doing anything clever with feed content: no
 * MIME sniffing, no framing, no scripts or subresources, no referrer, and no caching unless a route
 * says otherwise. TLS (and so HSTS) is the reverse proxy's job; see the README's deployment notes.
 */
import type { MiddlewareHandler } from "hono";

/** The security headers, for responses built ahead of time (feed files) to carry them already. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

/**
 * Adds the security headers to `headers` (and `Cache-Control: no-store` when none is set), unless
 * the response was built with them.
 */
export function addSecurityHeaders(headers: Headers): void {
  if (headers.has("X-Content-Type-Options")) return; // built with them
  for (const [name, value] of SECURITY_ENTRIES) headers.set(name, value);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}

/** Middleware adding the security headers (and `Cache-Control: no-store` when none is set). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    addSecurityHeaders(c.res.headers);
  };
}
