/**
 * @module
 * The canonical JSON text kura writes: 2-space indent, trailing newline, keys in a fixed order, UTF-8
 * kept as is. The same value always gives the same bytes, so `git diff` shows only real changes.
 */

/** Orders object keys: a comparator over two key names. */
export type KeyOrder = (a: string, b: string) => number;

/**
 * kura's key order: plain fields (lower-case keys such as `uuid`, `value`) first, then nested models
 * (capitalised keys such as `Attribute`, `Tag`), each group by code unit. A reviewer reads an item's
 * own fields before its children.
 */
export const fieldsThenModels: KeyOrder = (a, b) => {
  const modelA = isModelKey(a);
  const modelB = isModelKey(b);
  if (modelA !== modelB) return modelA ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Plain code-unit order of keys, as `jq --sort-keys` and Python's `sort_keys` produce. */
export const sortedKeys: KeyOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function isModelKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/** Options of {@link stringifyCanonical}. */
export interface CanonicalJsonOptions {
  /** Key order; default {@link fieldsThenModels}. `"preserve"` keeps insertion order. */
  keyOrder?: KeyOrder | "preserve";
  /** Spaces per level; default 2. */
  indent?: number;
  /** Whether to end with a newline; default true. */
  trailingNewline?: boolean;
  /** Escape non-ASCII as `\uXXXX` like Python's `ensure_ascii`; default false. */
  asciiOnly?: boolean;
}

/** Serialises a JSON value in canonical form. Undefined members are omitted as JSON.stringify does. */
export function stringifyCanonical(value: unknown, options: CanonicalJsonOptions = {}): string {
  const order = options.keyOrder ?? fieldsThenModels;
  const unit = " ".repeat(options.indent ?? 2);
  const parts: string[] = [];
  writeValue(value, "", unit, order, parts);
  let text = parts.join("");
  if (options.asciiOnly) text = escapeNonAscii(text);
  return options.trailingNewline === false ? text : `${text}\n`;
}

function writeValue(
  value: unknown,
  indent: string,
  unit: string,
  order: KeyOrder | "preserve",
  out: string[],
): void {
  if (value === null || typeof value !== "object") {
    out.push(JSON.stringify(value) ?? "null");
    return;
  }
  const inner = indent + unit;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push("[]");
      return;
    }
    out.push("[\n");
    for (let i = 0; i < value.length; i++) {
      out.push(inner);
      const item = value[i];
      writeValue(item === undefined ? null : item, inner, unit, order, out);
      out.push(i < value.length - 1 ? ",\n" : "\n");
    }
    out.push(indent, "]");
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined);
  if (order !== "preserve") keys.sort(order);
  if (keys.length === 0) {
    out.push("{}");
    return;
  }
  out.push("{\n");
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out.push(inner, JSON.stringify(key), ": ");
    writeValue(record[key], inner, unit, order, out);
    out.push(i < keys.length - 1 ? ",\n" : "\n");
  }
  out.push(indent, "}");
}

function escapeNonAscii(text: string): string {
  return text.replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
