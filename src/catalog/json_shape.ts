/**
 * @module
 * Small readers for untrusted JSON: pick a field only when it has the expected type. Used to turn
 * library files into catalog records without trusting their shape.
 */

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The field when it is a string. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === "string" ? value : undefined;
}

/** The field when it is a finite number. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The field when it is an array (of anything). */
export function arrayField(object: JsonObject, key: string): unknown[] | undefined {
  const value = object[key];
  return Array.isArray(value) ? value : undefined;
}

/** The strings of an array field, skipping anything else. */
export function stringsField(object: JsonObject, key: string): string[] | undefined {
  const array = arrayField(object, key);
  return array?.filter((item): item is string => typeof item === "string");
}
