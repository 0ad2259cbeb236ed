/**
 * @module
 * The MISP data model's reference data as pure lookups: attribute types and categories; taxonomies,
 * galaxies and object templates (built from files by `store/`).
 */
export * from "./attribute_types.ts";
export * from "./type_catalog.ts";
export * from "./machine_tag.ts";
export * from "./galaxy_tag.ts";
export * from "./taxonomy.ts";
export * from "./builtin_taxonomies.ts";
export * from "./galaxy.ts";
export * from "./object_template.ts";
export * from "./catalog.ts";
export * from "./check_event_tags.ts";
export * from "./check_event_objects.ts";
export * from "./library_layout.ts";
export * from "./jq_format.ts";
export * from "./json_schema_lite.ts";
export * from "./library_schemas.ts";
export * from "./library_finding.ts";
export * from "./library_check.ts";
