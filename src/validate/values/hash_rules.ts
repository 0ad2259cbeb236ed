/**
 * @module
 * Hashes and fingerprints (misp-behaviour.md §4.3 lower-casing, §4.4 `HASH_HEX_LENGTH`, tlsh,
 * telfhash, ssdeep, impfuzzy, cdhash, vhash). The rules of the hash parts of `filename|<hash>` types
 * are the same rules.
 */
import { isDigits, isHexDigits } from "./php_text.ts";
import { nounOf, patternRule, simpleRule, type ValueRule } from "./value_rule.ts";

/** Hex length of every fixed-length hash type (MISP's `HASH_HEX_LENGTH`). */
export const HASH_HEX_LENGTH: Readonly<Record<string, number>> = {
  md5: 32,
  imphash: 32,
  "ja3-fingerprint-md5": 32,
  "hassh-md5": 32,
  "hasshserver-md5": 32,
  "x509-fingerprint-md5": 32,
  "dom-hash": 32,
  sha1: 40,
  "git-commit-id": 40,
  "x509-fingerprint-sha1": 40,
  pehash: 40,
  sha224: 56,
  "sha512/224": 56,
  "sha3-224": 56,
  "jarm-fingerprint": 62,
  sha256: 64,
  authentihash: 64,
  "sha512/256": 64,
  "sha3-256": 64,
  "x509-fingerprint-sha256": 64,
  sha384: 96,
  "sha3-384": 96,
  sha512: 128,
  "sha3-512": 128,
};

const lower = (value: string): string => value.toLowerCase();
/** x509 fingerprints are often written with colons between bytes; MISP drops them (§4.3). */
const x509 = (value: string): string => value.replaceAll(":", "").toLowerCase();

/** Types whose value MISP does not lower-case (git-commit-id) or reshapes (x509) (§4.3). */
const NORMALIZER: Readonly<Record<string, (value: string) => string>> = {
  "git-commit-id": (value) => value,
  "x509-fingerprint-md5": x509,
  "x509-fingerprint-sha1": x509,
  "x509-fingerprint-sha256": x509,
};

function fixedHashRule(type: string, length: number): ValueRule {
  return simpleRule({
    code: `value.${type}`,
    noun: nounOf(type),
    normalize: NORMALIZER[type] ?? lower,
    explain: (value) =>
      value.length === length && isHexDigits(value)
        ? undefined
        : `expected ${length} hex characters${describeHex(value)}`,
  });
}

/** " (found 31)" or " (found a non-hex character)" to say what is wrong. */
function describeHex(value: string): string {
  if (!isHexDigits(value)) return ", found a character that is not hex";
  return `, found ${value.length}`;
}

/** tlsh: an optional `t` (of the `T1` version prefix) then more than 35 hex characters (§4.4). */
export function isTlsh(value: string): boolean {
  const hex = value.startsWith("t") ? value.slice(1) : value;
  return hex.length > 35 && isHexDigits(hex);
}

const SSDEEP = /^[0-9]+:[0-9a-zA-Z/+]*:[0-9a-zA-Z/+]*$/;

/** ssdeep: `blocksize:hash:hash` (§4.4). */
export function isSsdeep(value: string): boolean {
  return SSDEEP.test(value);
}

/** impfuzzy: exactly two `:` and an integer first part (§4.4). */
export function isImpfuzzy(value: string): boolean {
  const first = value.indexOf(":");
  if (first === -1) return false;
  const second = value.indexOf(":", first + 1);
  return second !== -1 && value.indexOf(":", second + 1) === -1 &&
    isDigits(value.slice(0, first));
}

/** Rules of the hash types, by type. */
export const HASH_RULES: ReadonlyMap<string, ValueRule> = new Map<string, ValueRule>([
  ...Object.entries(HASH_HEX_LENGTH).map(([type, length]) =>
    [type, fixedHashRule(type, length)] as [string, ValueRule]
  ),
  [
    "tlsh",
    simpleRule({
      code: "value.tlsh",
      noun: "a tlsh",
      normalize: lower,
      explain: (value) =>
        isTlsh(value)
          ? undefined
          : "expected more than 35 hex characters, optionally after a T1 prefix",
    }),
  ],
  [
    "telfhash",
    // MISP checks only the length (§4.4); a telfhash is a tlsh, but the rule is kept as MISP has it.
    simpleRule({
      code: "value.telfhash",
      noun: "a telfhash",
      normalize: lower,
      explain: (value) =>
        value.length === 70 || value.length === 72
          ? undefined
          : `expected 70 or 72 characters, found ${value.length}`,
    }),
  ],
  [
    "ssdeep",
    patternRule({
      code: "value.ssdeep",
      noun: "an ssdeep",
      pattern: SSDEEP,
      expected: "expected blocksize:hash:hash (digits, then two base64 parts)",
    }),
  ],
  [
    "impfuzzy",
    simpleRule({
      code: "value.impfuzzy",
      noun: "an impfuzzy",
      explain: (value) => isImpfuzzy(value) ? undefined : "expected imports:hash:hash",
    }),
  ],
  [
    "cdhash",
    patternRule({
      code: "value.cdhash",
      noun: "a cdhash",
      normalize: lower,
      pattern: /^[0-9a-f]{40,}$/,
      expected: "expected 40 or more hex characters",
    }),
  ],
  [
    "vhash",
    patternRule({
      code: "value.vhash",
      noun: "a vhash",
      normalize: lower,
      pattern: /^[^\n\r]+$/,
      expected: "expected one line of text",
    }),
  ],
]);
