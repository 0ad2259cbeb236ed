/**
 * @module
 * The MISP core format as kura reads and writes it: valibot schemas and types, uuids, distribution
 * levels, issues and the canonical JSON writer. Pure: no I/O, no clock, no randomness.
 */
export * from "./issue.ts";
export * from "./json_path.ts";
export * from "./json_equal.ts";
export * from "./uuid.ts";
export * from "./distribution.ts";
export * from "./scalars.ts";
export * from "./tag.ts";
export * from "./org.ts";
export * from "./sharing_group.ts";
export * from "./galaxy.ts";
export * from "./proposal.ts";
export * from "./blocklist.ts";
export * from "./attribute.ts";
export * from "./object_reference.ts";
export * from "./misp_object.ts";
export * from "./event_report.ts";
export * from "./event.ts";
export * from "./canonical_json.ts";
export * from "./canonical_event.ts";
export * from "./event_document.ts";
