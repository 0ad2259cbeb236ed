/**
 * @module
 * Who may see what. Pure: the visibility predicate over events and their elements for an audience,
 * the distribution downgrade applied when data leaves the instance, tag export rules, and
 * `restrictEvent`, the single cut every output path (feeds, exports, API) goes through.
 */
export * from "./audience.ts";
export * from "./access_context.ts";
export * from "./visibility.ts";
export * from "./tag_export.ts";
export * from "./sync_transform.ts";
export * from "./prune_sharing_group.ts";
export * from "./restrict_event.ts";
