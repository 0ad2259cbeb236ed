/**
 * @module
 * Which network addresses a peer request may reach (field-survey.md §4.3 point 2, CVE-2026-86419):
 * loopback, private, link-local, CGNAT and unique-local addresses are refused unless the peer is
 * explicitly allowed them; unspecified, multicast and broadcast addresses are always refused. IPv4
 * inside IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 */

/** The class of an IP address, for the egress decision. */
export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "unspecified"
  | "multicast"
  | "reserved";

/** Classifies an IPv4 or IPv6 literal; throws TypeError for anything else. */
export function classifyAddress(address: string): AddressClass {
  const v4 = parseIpv4(address);
  if (v4) return classifyIpv4(v4);
  const v6 = parseIpv6(address.replace(/^\[|\]$/g, ""));
  if (!v6) throw new TypeError(`"${address}" is not an IP address`);
  return classifyIpv6(v6);
}

/** Why `address` may not be reached, or undefined when it may. */
export function refusedAddress(
  address: string,
  options: { allowPrivateNetwork: boolean },
): string | undefined {
  const kind = classifyAddress(address);
  if (kind === "public") return undefined;
  if (kind === "unspecified" || kind === "multicast" || kind === "reserved") {
    return `address ${address} is ${kind} and never reachable`;
  }
  if (options.allowPrivateNetwork) return undefined;
  return `address ${address} is ${kind}; allow it with "allowPrivateNetwork": true on the peer`;
}

/** True when `text` is an IPv4 or IPv6 literal. */
export function isIpLiteral(text: string): boolean {
  return parseIpv4(text) !== undefined || parseIpv6(text.replace(/^\[|\]$/g, "")) !== undefined;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((part) => (/^(0|[1-9][0-9]{0,2})$/.test(part) ? Number(part) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

function classifyIpv4([a, b, c]: number[]): AddressClass {
  if (a === 0) return "unspecified";
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b! >= 64 && b! <= 127) return "private"; // carrier-grade NAT
  if (a === 169 && b === 254) return "link-local";
  if (a === 192 && b === 0 && c === 0) return "reserved";
  if (a === 198 && (b === 18 || b === 19)) return "reserved"; // benchmarking
  if (a! >= 224 && a! <= 239) return "multicast";
  if (a! >= 240) return "reserved";
  return "public";
}

function parseIpv6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(":")) return undefined;
  let tail: number[] = [];
  let body = text;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    body = text.slice(0, lastColon + 1) + "0";
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((h) => parseInt(h, 16)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...rest].some((n) => !Number.isFinite(n) || n < 0 || n > 0xffff)) return undefined;
  // The IPv4 tail stood in as one placeholder group; it fills two.
  const need = tail.length > 0 ? 7 : 8;
  let groups = head;
  if (halves.length === 2) {
    const fill = need - head.length - rest.length;
    if (fill < 0) return undefined;
    groups = [...head, ...new Array<number>(fill).fill(0), ...rest];
  }
  if (groups.length !== need) return undefined;
  if (tail.length > 0) groups = [...groups.slice(0, 6), ...tail];
  return groups.length === 8 ? groups : undefined;
}

function classifyIpv6(g: number[]): AddressClass {
  if (g.every((n) => n === 0)) return "unspecified";
  if (g.slice(0, 7).every((n) => n === 0) && g[7] === 1) return "loopback";
  if (g.slice(0, 5).every((n) => n === 0) && g[5] === 0xffff) {
    return classifyIpv4([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff]);
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0]! & 0xff00) === 0xff00) return "multicast";
  if (g[0] === 0x64 && g[1] === 0xff9b) return "reserved"; // NAT64 can reach anything
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "reserved"; // documentation
  return "public";
}
