/**
 * @module
 * UUIDs as MISP uses them: 8-4-4-4-12 hex strings, stored lower-case, the global identity of everything.
 */

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a well-formed UUID in any letter case (MISP accepts any version and variant). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && value.length === 36 && UUID.test(value);
}

/** True for a well-formed UUID already in MISP's lower-case form; file names and keys must be this. */
export function isCanonicalUuid(value: unknown): value is string {
  return typeof value === "string" && value.length === 36 && LOWER_UUID.test(value);
}
