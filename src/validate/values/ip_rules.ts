/**
 * @module
 * IP addresses, CIDR blocks and ports (misp-behaviour.md §4.3 `normalizeIp`, `ip|port` forms; §4.4):
 * `ip-src`/`ip-dst` take an address or a CIDR; the IP parts of `domain|ip` and `ip-*|port` take a plain
 * address; ports are integers 1-65535.
 */
import { isIp, isIPv4, isIPv6, normalizeIp } from "./ip_address.ts";
import { isDigits } from "./php_text.ts";
import { simpleRule, type ValueRule } from "./value_rule.ts";

/** Why `value` is not an IP address or CIDR block, or undefined. */
function explainIpOrCidr(value: string): string | undefined {
  const slash = value.indexOf("/");
  if (slash === -1) return isIp(value) ? undefined : "expected an IPv4 or IPv6 address or a CIDR";
  const ip = value.slice(0, slash);
  const prefix = value.slice(slash + 1);
  if (!isDigits(prefix)) return "the CIDR prefix length must be a whole number";
  if (isIPv4(ip)) {
    return Number(prefix) <= 32 ? undefined : "an IPv4 CIDR prefix length is at most 32";
  }
  if (isIPv6(ip)) {
    return Number(prefix) <= 128 ? undefined : "an IPv6 CIDR prefix length is at most 128";
  }
  return "the CIDR does not start with an IPv4 or IPv6 address";
}

/** `ip-src` / `ip-dst`: an address or a CIDR block, normalised by `normalizeIp`. */
export const IP_OR_CIDR_RULE: ValueRule = simpleRule({
  code: "value.ip",
  noun: "an IP address or CIDR block",
  normalize: normalizeIp,
  explain: explainIpOrCidr,
});

/** The IP part of `domain|ip` and `ip-*|port`: a plain address (MISP's `FILTER_VALIDATE_IP`). */
export const PLAIN_IP_RULE: ValueRule = simpleRule({
  code: "value.ip",
  noun: "an IP address",
  normalize: normalizeIp,
  explain: (value) => isIp(value) ? undefined : "expected an IPv4 or IPv6 address (no CIDR)",
});

/** True for a port number 1-65535 (MISP's `isPortValid`: digits only). */
export function isPort(value: string): boolean {
  return isDigits(value) && value.length <= 5 && Number(value) >= 1 && Number(value) <= 65535;
}

/** `port` and the port parts of `ip-*|port` and `hostname|port`. */
export const PORT_RULE: ValueRule = simpleRule({
  code: "value.port",
  noun: "a port",
  explain: (value) => isPort(value) ? undefined : "expected a whole number from 1 to 65535",
});

/**
 * MISP's normalisation of `ip-src|port` / `ip-dst|port` (§4.3): accepts `ip:port`, `ip|port`,
 * `[v6]:port`, `v6.port`, `v6 port N`, `v6pN`, `v6#N` and `v6:port` (the last colon) and writes
 * `normalisedIp|port`. Unlike MISP, a value that would split into more than two parts is left as it is
 * (MISP silently drops the extra parts), so that the composite rule reports it.
 */
export function normalizeIpPort(value: string): string {
  const colons = count(value, ":");
  if (colons >= 2) {
    if (value.indexOf("|") > 0) return join(value, "|");
    if (value.startsWith("[") && value.includes("]")) {
      const close = value.indexOf("]");
      const rest = value.slice(close + 1);
      const port = rest.startsWith(":") ? rest.slice(1) : rest;
      return `${normalizeIp(value.slice(1, close))}|${port}`;
    }
    for (const separator of [".", " port ", "p", "#"]) {
      if (value.indexOf(separator) > 0) return join(value, separator);
    }
    const last = value.lastIndexOf(":");
    return `${normalizeIp(value.slice(0, last))}|${value.slice(last + 1)}`;
  }
  if (value.indexOf(":") > 0) return join(value, ":");
  if (value.indexOf("|") > 0) return join(value, "|");
  return value;
}

/** `ip<sep>port` → `normalisedIp|port` when `sep` occurs exactly once; else unchanged. */
function join(value: string, separator: string): string {
  const at = value.indexOf(separator);
  if (value.indexOf(separator, at + separator.length) !== -1) return value;
  return `${normalizeIp(value.slice(0, at))}|${value.slice(at + separator.length)}`;
}

function count(value: string, char: string): number {
  let n = 0;
  for (let at = value.indexOf(char); at !== -1; at = value.indexOf(char, at + 1)) n++;
  return n;
}

/** Rules of the single-value IP and port types, by type. */
export const IP_RULES: ReadonlyMap<string, ValueRule> = new Map([
  ["ip-src", IP_OR_CIDR_RULE],
  ["ip-dst", IP_OR_CIDR_RULE],
  ["port", PORT_RULE],
]);
