/**
 * @module
 * The canonical JSON text of the MISP library repositories, as their CI writes it with jq
 * (misp-formats.md §0.5): `jq .` keeps key order (taxonomies), `jq --sort-keys .` sorts keys and ends
 * with a newline (galaxy), `jq -S -j .` sorts keys with no final newline (objects). All indent by two
 * spaces, keep non-ASCII as UTF-8 and escape only `"`, `\`, control characters and DEL. Keys sort by
 * code point, as jq compares UTF-8 bytes. Numbers are written in JavaScript's shortest form, which is
 * jq's for every integer the libraries use.
 *
 * Key order is kept by re-indenting the source tokens rather than by `JSON.parse`, which moves
 * integer-like keys (`"10"`) to the front of an object.
 */

/** A repository's formatting convention. */
export interface JqStyle {
  /** Sort object keys (`--sort-keys` / `-S`); false keeps the file's order. */
  readonly sortKeys: boolean;
  /** End with a newline (false for `-j`). */
  readonly trailingNewline: boolean;
}

/** The jq command a style corresponds to, for messages. */
export function jqCommand(style: JqStyle): string {
  if (!style.sortKeys) return "jq .";
  return style.trailingNewline ? "jq --sort-keys ." : "jq -S -j .";
}

/**
 * The canonical text of a JSON document. `text` is its source (must be valid JSON) and `value` its
 * parsed form: sorted styles format the value, order-keeping styles re-indent the source.
 */
export function formatJq(text: string, value: unknown, style: JqStyle): string {
  const body = style.sortKeys ? formatValue(value) : reindent(text);
  return style.trailingNewline ? `${body}\n` : body;
}

/** Code point order of two strings (UTF-16 order differs only when surrogates are involved). */
export function codePointOrder(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const NEEDS_DEL_ESCAPE = /\u007f/g;

function quote(text: string): string {
  const json = JSON.stringify(text);
  return json.includes("\u007f") ? json.replace(NEEDS_DEL_ESCAPE, "\\u007f") : json;
}

function formatValue(root: unknown): string {
  const parts: string[] = [];
  const write = (value: unknown, indent: string): void => {
    if (typeof value === "string") {
      parts.push(quote(value));
      return;
    }
    if (value === null || typeof value !== "object") {
      parts.push(JSON.stringify(value) ?? "null");
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        parts.push("[]");
        return;
      }
      parts.push("[\n");
      for (let i = 0; i < value.length; i++) {
        parts.push(inner);
        write(value[i], inner);
        parts.push(i < value.length - 1 ? ",\n" : "\n");
      }
      parts.push(indent, "]");
      return;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(codePointOrder);
    if (keys.length === 0) {
      parts.push("{}");
      return;
    }
    parts.push("{\n");
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      parts.push(inner, quote(key), ": ");
      write(record[key], inner);
      parts.push(i < keys.length - 1 ? ",\n" : "\n");
    }
    parts.push(indent, "}");
  };
  write(root, "");
  return parts.join("");
}

/** Re-indents valid JSON source token by token, keeping key order and normalising strings and numbers. */
function reindent(text: string): string {
  const parts: string[] = [];
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      pos++;
    }
  };
  const stringToken = (): string => {
    const start = pos;
    pos++;
    let escaped = false;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x5c) {
        escaped = true;
        pos += 2;
        continue;
      }
      pos++;
      if (c === 0x22) break;
    }
    const raw = text.slice(start, pos);
    return escaped || raw.includes("\u007f") ? quote(JSON.parse(raw)) : raw;
  };
  const value = (indent: string): void => {
    skipSpace();
    const c = text[pos];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      pos++;
      skipSpace();
      if (text[pos] === close) {
        pos++;
        parts.push(c, close);
        return;
      }
      const inner = `${indent}  `;
      parts.push(c, "\n");
      for (;;) {
        parts.push(inner);
        if (c === "{") {
          skipSpace();
          parts.push(stringToken(), ": ");
          skipSpace();
          pos++; // the colon
        }
        value(inner);
        skipSpace();
        if (text[pos] === ",") {
          pos++;
          parts.push(",\n");
          continue;
        }
        pos++; // the closing bracket
        parts.push("\n", indent, close);
        return;
      }
    }
    if (c === '"') {
      parts.push(stringToken());
      return;
    }
    const start = pos;
    while (pos < text.length && !/[\s,\]}]/.test(text[pos]!)) pos++;
    const raw = text.slice(start, pos);
    parts.push(raw === "true" || raw === "false" || raw === "null" ? raw : String(Number(raw)));
  };
  value("");
  return parts.join("");
}
