/**
 * @module
 * Types with a rule of their own (misp-behaviour.md §4.3–4.4): `hex`, `http-method`, `ssh-fingerprint`,
 * `cortex` (JSON), Windows service names, and `uuid` (newer than MISP 2.5.1's table).
 */
import { isHexDigits, utf8Length } from "./php_text.ts";
import { patternRule, simpleRule, type ValueRule } from "./value_rule.ts";

const HTTP_METHOD =
  /OPTIONS|GET|HEAD|POST|PUT|DELETE|TRACE|CONNECT|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK|VERSION-CONTROL|REPORT|CHECKOUT|CHECKIN|UNCHECKOUT|MKWORKSPACE|UPDATE|LABEL|MERGE|BASELINE-CONTROL|MKACTIVITY|ORDERPATCH|ACL|PATCH|SEARCH/;
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=?$/;
const SLASH = /[\\/]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const upper = (value: string): string => value.toUpperCase();

/** `SHA256:<base64 of 32 bytes>`, or an MD5 fingerprint (32 hex, colons allowed, optional `MD5:`). */
export function isSshFingerprint(value: string): boolean {
  if (value.startsWith("SHA256:")) return BASE64_32_BYTES.test(value.slice(7));
  const md5 = (value.startsWith("MD5:") ? value.slice(4) : value).replaceAll(":", "");
  return md5.length === 32 && isHexDigits(md5);
}

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function windowsServiceRule(type: string): ValueRule {
  return simpleRule({
    code: "value.windows-service",
    noun: `a ${type}`,
    explain: (value) =>
      SLASH.test(value)
        ? "a service name must not contain / or \\"
        : utf8Length(value) > 256
        ? "a service name is at most 256 bytes"
        : undefined,
  });
}

/** Rules of the types above, by type. */
export const MISC_RULES: ReadonlyMap<string, ValueRule> = new Map([
  [
    "hex",
    simpleRule({
      code: "value.hex",
      noun: "a hex",
      normalize: upper,
      explain: (value) => isHexDigits(value) ? undefined : "expected hex digits only",
    }),
  ],
  [
    "http-method",
    // MISP only asks that a known method appears somewhere in the value (§4.4).
    patternRule({
      code: "value.http-method",
      noun: "an http-method",
      normalize: upper,
      pattern: HTTP_METHOD,
      expected: "expected an HTTP method such as GET or POST",
    }),
  ],
  [
    "ssh-fingerprint",
    simpleRule({
      code: "value.ssh-fingerprint",
      noun: "an ssh-fingerprint",
      explain: (value) =>
        isSshFingerprint(value)
          ? undefined
          : "expected SHA256:<43 base64 characters> or an MD5 fingerprint of 32 hex digits",
    }),
  ],
  [
    "cortex",
    simpleRule({
      code: "value.cortex",
      noun: "a cortex",
      explain: (value) => isJson(value) ? undefined : "expected a JSON document",
    }),
  ],
  ["windows-service-name", windowsServiceRule("windows-service-name")],
  ["windows-service-displayname", windowsServiceRule("windows-service-displayname")],
  [
    "uuid",
    // Not in MISP 2.5.1's table (PyMISP's newer describeTypes adds it); a uuid in its usual form.
    patternRule({
      code: "value.uuid",
      noun: "a uuid",
      pattern: UUID,
      expected: "expected a uuid such as 0a1b2c3d-0000-4000-8000-00000000abcd",
    }),
  ],
]);
