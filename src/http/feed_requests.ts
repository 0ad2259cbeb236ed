/**
 * @module
 * The feed path: every request whose path Hono would route to `/feeds/<name>/<file>` is answered
 * here, without Hono's routing, context and middleware chain, because feed readers poll often and
 * the files are served from memory, so that machinery would be most of the cost of a request. It
 * runs the same steps as the app's middleware, from the same functions: request limits, the feed
 * route (feed_routes.ts), error responses, security headers, the request log and metrics. It stays
 * synchronous unless the token store or a compressed copy must be waited for.
 */
import { getPath } from "hono/utils/url";
import { logServerError, plainErrorResponse } from "./error_status.ts";
import { type FeedFileRequest, feedFileResponse, type FeedRouteDeps } from "./feed_routes.ts";
import type { Logger } from "./logger.ts";
import { feedFileOfPath } from "./path_rules.ts";
import type { RequestLimitCheck } from "./request_limits.ts";
import type { RequestRecorder } from "./request_log.ts";
import { addSecurityHeaders } from "./security_headers.ts";

/** What the feed path needs: the feed route's needs and the app's shared steps. */
export interface FeedRequestDeps extends FeedRouteDeps {
  readonly limits: RequestLimitCheck;
  readonly record: RequestRecorder;
  readonly logger: Logger;
}

/** The connection a request came on (what `Deno.serve` passes its handler). */
export interface ConnectionInfo {
  readonly remoteAddr?: { readonly hostname?: string } | Deno.Addr;
}

/** Answers a feed request, or returns undefined for a request that is not one. */
export type FeedRequestHandler = (
  request: Request,
  info?: ConnectionInfo,
) => Response | Promise<Response> | undefined;

/** The feed path over `deps`. */
export function feedRequests(deps: FeedRequestDeps): FeedRequestHandler {
  return (request, info) => {
    const path = getPath(request);
    const names = feedFileOfPath(path);
    if (names === undefined) return undefined;
    const started = performance.now();
    const target: FeedFileRequest = names;
    let answer: Response | Promise<Response>;
    try {
      // Limits come before routing, as in the app: a refused request has no route.
      const refused = deps.limits(request);
      if (refused) throw refused;
      answer = feedFileResponse(request, target, deps);
    } catch (error) {
      answer = failed(deps, request, path, target, error);
    }
    if (answer instanceof Promise) {
      return answer.then(
        (response) => finish(deps, { request, info, path, target, started, response }),
        (error) => {
          const response = failed(deps, request, path, target, error);
          return finish(deps, { request, info, path, target, started, response });
        },
      );
    }
    return finish(deps, { request, info, path, target, started, response: answer });
  };
}

/** The error response for `error`, as the app's error handler and middleware make it. */
function failed(
  deps: FeedRequestDeps,
  request: Request,
  path: string,
  target: FeedFileRequest,
  error: unknown,
): Response {
  logServerError(deps.logger, error, { method: request.method, path });
  target.bytes = target.encoding = undefined; // no file is sent
  const response = plainErrorResponse(error);
  addSecurityHeaders(response.headers); // feed files are built with them; errors are not
  // Hono answers HEAD with the headers of GET and no body; so does this path.
  return request.method === "HEAD" ? new Response(null, response) : response;
}

/** Records the request and returns its response. */
function finish(
  deps: FeedRequestDeps,
  done: {
    request: Request;
    info: ConnectionInfo | undefined;
    path: string;
    target: FeedFileRequest;
    started: number;
    response: Response;
  },
): Response {
  const { request, target, response } = done;
  const remote = done.info?.remoteAddr;
  deps.record({
    method: request.method,
    path: done.path,
    route: target.route,
    status: response.status,
    bytes: target.bytes,
    encoding: target.encoding,
    ms: performance.now() - done.started,
    feed: target.feed,
    token: target.token?.id,
    remote: remote !== undefined && "hostname" in remote ? remote.hostname : undefined,
    agent: request.headers.get("User-Agent"),
  });
  return response;
}
