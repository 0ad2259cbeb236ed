/**
 * @module
 * Pure sync decisions: reading a feed manifest, pull rules, org authority, preparing and merging a
 * peer's event with MISP's semantics. No I/O: time and data are parameters.
 */
export * from "./merge_result.ts";
export * from "./manifest.ts";
export * from "./pull_rules.ts";
export * from "./authority.ts";
export * from "./blocked.ts";
export * from "./plan_pull.ts";
export * from "./prepare_incoming.ts";
export * from "./merge_elements.ts";
export * from "./merge_event.ts";
export * from "./explore_filter.ts";
export * from "./three_way.ts";
