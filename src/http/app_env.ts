/**
 * @module
 * What the middleware and the routes of the app share about one request (Hono variables).
 */
import type { TokenRecord } from "../store/mod.ts";

/** Hono environment of kura's app. */
export interface AppEnv {
  Variables: {
    /** The route pattern that handled the request, for logs and metrics (low cardinality). */
    route: string;
    /** The token that authenticated the request, when one did. */
    token: TokenRecord;
    /** The feed the request was about, when it named a served one. */
    feed: string;
  };
}
