/**
 * @module
 * The HTTP face of kura: `createApp(deps)` (Hono), its route groups, the error → status mapping,
 * bearer authentication, security headers, request limits, the request log and the metrics.
 */
export * from "./create_app.ts";
export * from "./app_env.ts";
export * from "./feed_source.ts";
export * from "./feed_routes.ts";
export * from "./feed_requests.ts";
export * from "./ops_routes.ts";
export * from "./admin_routes.ts";
export * from "./feed_metrics.ts";
export * from "./error_status.ts";
export * from "./bearer_auth.ts";
export * from "./artefact_response.ts";
export * from "./security_headers.ts";
export * from "./request_limits.ts";
export * from "./request_log.ts";
export * from "./metrics.ts";
export * from "./logger.ts";
export * from "./path_rules.ts";
