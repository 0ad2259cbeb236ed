/**
 * @module
 * The few PHP string primitives MISP's value rules are written in (misp-behaviour.md §4.3–4.4), done
 * the way PHP does them: `trim` (six characters only, not Unicode spaces), `ctype_digit`,
 * `ctype_xdigit`, `is_numeric`, and the replacement of 4-byte UTF-8 characters by `?`.
 */

/** PHP `trim()`: removes only space, tab, LF, CR, NUL and vertical tab from both ends. */
export function phpTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isTrimmed(value.charCodeAt(start))) start++;
  while (end > start && isTrimmed(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isTrimmed(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x00 ||
    code === 0x0b;
}

/** PHP `trim($value, $chars)` for one character. */
export function trimChar(value: string, char: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value[start] === char) start++;
  while (end > start && value[end - 1] === char) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

const DIGITS = /^[0-9]+$/;
const XDIGITS = /^[0-9a-fA-F]+$/;
/** PHP 8 numeric strings (trimmed): sign, digits with an optional fraction, optional exponent. */
const NUMERIC = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** PHP `ctype_digit()` on a string: non-empty and only 0-9. */
export function isDigits(value: string): boolean {
  return DIGITS.test(value);
}

/** PHP `ctype_xdigit()`: non-empty and only hex digits (either case). */
export function isHexDigits(value: string): boolean {
  return XDIGITS.test(value);
}

/** PHP `is_numeric()` on an already trimmed string (no hex, no `0x`, no inner spaces). */
export function isNumeric(value: string): boolean {
  return NUMERIC.test(value);
}

const SURROGATE = /[\uD800-\uDFFF]/;
const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * MISP stores values in 3-byte utf8 columns, so every 4-byte UTF-8 character (emoji, rare CJK) is
 * replaced by `?` before validation (`handle4ByteUnicode`, §4.3 step 4, §13.16).
 */
export function replaceFourByteCharacters(value: string): string {
  return SURROGATE.test(value) ? value.replace(ASTRAL, "?") : value;
}

const LINE_BREAK = /[\n\r]/;

/** True when the value holds a line feed or carriage return. */
export function hasLineBreak(value: string): boolean {
  return LINE_BREAK.test(value);
}

/** Length of `value` in UTF-8 bytes, as PHP's `strlen` counts. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < value.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
