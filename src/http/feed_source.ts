/**
 * @module
 * What the HTTP layer reads of the published feeds: a served feed by name, and their status.
 * `FeedCache` (publish/) is the real one; tests may pass their own.
 */
import type { FeedCache } from "../publish/mod.ts";

/** The published feeds as routes see them. */
export type FeedSource = Pick<FeedCache, "feed" | "status">;
