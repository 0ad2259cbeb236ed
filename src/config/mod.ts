/**
 * @module
 * Configuration: types and defaults, the `kura.json` schema, resolution (pure) and loading (I/O).
 */
export * from "./config.ts";
export * from "./schema.ts";
export * from "./peer_config.ts";
export * from "./peer_schema.ts";
export * from "./resolve_config.ts";
export * from "./load_config.ts";
