/**
 * @module
 * IP addresses as MISP reads and writes them: PHP's `FILTER_VALIDATE_IP` (dotted-quad IPv4 without
 * leading zeros; IPv6 with at most one `::` and an optional IPv4 tail, no zone), and `normalizeIp`
 * (misp-behaviour.md §4.3): IPv6 compressed as `inet_ntop` prints it, `/32` and `/128` CIDRs collapsed.
 */

const OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** True for a dotted-quad IPv4 address as PHP accepts it (no leading zeros). */
export function isIPv4(value: string): boolean {
  return IPV4.test(value);
}

/** The eight 16-bit groups of an IPv6 address, or undefined when `value` is not one. */
export function parseIPv6(value: string): number[] | undefined {
  if (value.length < 2 || value.length > 45) return undefined;
  const double = value.indexOf("::");
  if (double !== -1 && value.indexOf("::", double + 1) !== -1) return undefined;
  const head = double === -1 ? value : value.slice(0, double);
  const tail = double === -1 ? "" : value.slice(double + 2);
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === "" ? [] : tail.split(":");
  const words: number[] = [];
  const tailWords: number[] = [];
  // An IPv4 tail counts as two groups and may only end the address.
  const last = double === -1 ? headGroups : tailGroups;
  let v4: string | undefined;
  if (last.length > 0 && last[last.length - 1]!.includes(".")) v4 = last.pop();
  for (const group of headGroups) {
    if (!HEX_GROUP.test(group)) return undefined;
    words.push(parseInt(group, 16));
  }
  for (const group of tailGroups) {
    if (!HEX_GROUP.test(group)) return undefined;
    tailWords.push(parseInt(group, 16));
  }
  if (v4 !== undefined) {
    if (!isIPv4(v4)) return undefined;
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    (double === -1 ? words : tailWords).push((a << 8) | b, (c << 8) | d);
  }
  const given = words.length + tailWords.length;
  if (double === -1) return given === 8 ? words : undefined;
  if (given > 7) return undefined;
  return [...words, ...new Array<number>(8 - given).fill(0), ...tailWords];
}

/** True for an IPv6 address PHP's filter accepts. */
export function isIPv6(value: string): boolean {
  return parseIPv6(value) !== undefined;
}

/** True for an IPv4 or IPv6 address (no CIDR). */
export function isIp(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

/**
 * IPv6 text as glibc's `inet_ntop` prints it (what PHP uses): lower-case, no leading zeros, the longest
 * run of two or more zero groups as `::` (the first on a tie), and `::a.b.c.d` / `::ffff:a.b.c.d` for
 * IPv4-compatible and IPv4-mapped addresses.
 */
export function formatIPv6(words: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestLength < 2) bestStart = -1;
  let text = "";
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += i === 0 ? "::" : ":";
      i += bestLength - 1;
      continue;
    }
    if (
      i === 6 && bestStart === 0 && (bestLength === 6 || (bestLength === 5 && words[5] === 0xffff))
    ) {
      const high = words[6]!;
      const low = words[7]!;
      text += `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
      break;
    }
    text += words[i]!.toString(16);
    if (i < 7) text += ":";
  }
  return text;
}

/**
 * MISP's `normalizeIp`: compresses IPv6, collapses a `/32` (IPv4) or `/128` (IPv6) CIDR to the plain
 * address; anything it cannot parse is returned unchanged, for validation to refuse.
 */
export function normalizeIp(value: string): string {
  const slash = value.indexOf("/");
  if (slash > 0) {
    const ip = compressIPv6(value.slice(0, slash));
    const range = value.slice(slash + 1);
    if ((range === "32" && value.indexOf(".") > 0) || (range === "128" && value.indexOf(":") > 0)) {
      return ip;
    }
    return `${ip}/${range}`;
  }
  return compressIPv6(value);
}

function compressIPv6(value: string): string {
  if (!value.includes(":")) return value;
  const words = parseIPv6(value);
  return words === undefined ? value : formatIPv6(words);
}
