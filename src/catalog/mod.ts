/**
 * @module
 * The MISP data model's reference data as pure lookups: attribute types and categories; taxonomies,
 * galaxies and object templates (built from files by `store/`).
 */
export * from "./attribute_types.ts";
export * from "./type_catalog.ts";
