/**
 * @module
 * The subset of JSON Schema the MISP library schemas use (type, required, properties,
 * additionalProperties, items, enum, minItems, minLength, uniqueItems), with the semantics of
 * python-jsonschema for those keywords: integers are numbers with no fraction, booleans are not
 * numbers, equality for `uniqueItems` and `enum` is JSON equality. Paths are built only for findings,
 * so validating 40 MB of galaxy clusters costs little more than walking it.
 */
import { childPath, jsonEqual } from "../model/mod.ts";

export { jsonEqual };

/** A schema node. */
export type SchemaNode =
  | { readonly type: "string"; readonly minLength?: number; readonly enum?: readonly string[] }
  | { readonly type: "integer" | "number" | "boolean" }
  | {
    readonly type: "array";
    readonly items?: SchemaNode;
    readonly minItems?: number;
    readonly uniqueItems?: boolean;
  }
  | {
    readonly type: "object";
    readonly properties?: Readonly<Record<string, SchemaNode>>;
    readonly required?: readonly string[];
    /** false = no other keys; a schema = other keys must match it; default true. */
    readonly additional?: boolean | SchemaNode;
    /** The schema names no type: a value that is not an object passes. */
    readonly ifObject?: boolean;
  }
  | { readonly type?: undefined };

/** Receives one schema violation: JSON path, keyword (`type`, `required`, …) and message. */
export type SchemaReport = (path: string, keyword: string, message: string) => void;

/** Validates `value` against `schema`, reporting every violation. */
export function checkSchema(value: unknown, schema: SchemaNode, report: SchemaReport): void {
  const stack: (string | number)[] = [];
  const pathNow = () => stack.reduce<string>((path, key) => childPath(path, key), "");
  const fail = (keyword: string, message: string) => report(pathNow(), keyword, message);

  function visit(node: SchemaNode, value: unknown): void {
    switch (node.type) {
      case undefined:
        return;
      case "string":
        if (typeof value !== "string") return fail("type", `must be a string, got ${show(value)}`);
        if (node.minLength !== undefined && [...value].length < node.minLength) {
          fail("min-length", `must not be empty`);
        }
        if (node.enum && !node.enum.includes(value)) {
          fail("enum", `${show(value)} is not one of the allowed values`);
        }
        return;
      case "integer":
        if (typeof value !== "number" || !Number.isInteger(value)) {
          fail("type", `must be an integer, got ${show(value)}`);
        }
        return;
      case "number":
        if (typeof value !== "number") fail("type", `must be a number, got ${show(value)}`);
        return;
      case "boolean":
        if (typeof value !== "boolean") fail("type", `must be a boolean, got ${show(value)}`);
        return;
      case "array": {
        if (!Array.isArray(value)) return fail("type", `must be an array, got ${show(value)}`);
        if (node.minItems !== undefined && value.length < node.minItems) {
          fail("min-items", `must have at least ${node.minItems} item(s)`);
        }
        if (node.items) {
          for (let i = 0; i < value.length; i++) {
            stack.push(i);
            visit(node.items, value[i]);
            stack.pop();
          }
        }
        if (node.uniqueItems) {
          const pair = firstDuplicate(value);
          if (pair) {
            stack.push(pair[1]);
            fail("unique-items", `equals item [${pair[0]}]; the items must be unique`);
            stack.pop();
          }
        }
        return;
      }
      case "object": {
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
          if (node.ifObject) return;
          return fail("type", `must be an object, got ${show(value)}`);
        }
        const record = value as Record<string, unknown>;
        for (const key of node.required ?? []) {
          if (!(key in record)) fail("required", `required key "${key}" is missing`);
        }
        const properties = node.properties ?? {};
        const additional = node.additional ?? true;
        for (const key of Object.keys(record)) {
          const child = Object.hasOwn(properties, key) ? properties[key] : undefined;
          stack.push(key);
          if (child) visit(child, record[key]);
          else if (additional === false) fail("additional", `key "${key}" is not allowed here`);
          else if (additional !== true) visit(additional, record[key]);
          stack.pop();
        }
        return;
      }
    }
  }
  visit(schema, value);
}

/** The indexes of the first two JSON-equal items, if any. */
export function firstDuplicate(items: readonly unknown[]): [number, number] | undefined {
  const seen = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const key = shallowKey(items[i]);
    const earlier = seen.get(key);
    if (earlier) {
      for (const j of earlier) if (jsonEqual(items[j], items[i])) return [j, i];
      earlier.push(i);
    } else seen.set(key, [i]);
  }
  return undefined;
}

/** A cheap key that JSON-equal values share: scalars in full, containers by their direct scalars. */
function shallowKey(value: unknown): string {
  if (typeof value !== "object" || value === null) return `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return `array:${value.length}`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let key = "object";
  for (const name of keys) {
    const item = record[name];
    key += typeof item === "object" && item !== null
      ? `\u0000${name}`
      : `\u0000${name}\u0001${typeof item}:${String(item)}`;
  }
  return key;
}

/** A short rendering of a value for messages. */
export function show(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
