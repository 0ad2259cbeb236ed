/**
 * @module
 * Host name to addresses, for the egress check: IP literals as they are, `localhost` as loopback, any
 * other name through DNS (A and AAAA). Every address is returned so the caller can refuse a name
 * that resolves to any forbidden one.
 */
import { isIpLiteral } from "./egress_policy.ts";

/** The addresses of `host`, IPv4 first; throws when the name does not resolve. */
export async function resolveHost(host: string): Promise<string[]> {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIpLiteral(name)) return [name];
  if (name === "localhost" || name.endsWith(".localhost")) return ["127.0.0.1", "::1"];
  const [v4, v6] = await Promise.all([
    Deno.resolveDns(name, "A").catch(() => [] as string[]),
    Deno.resolveDns(name, "AAAA").catch(() => [] as string[]),
  ]);
  const addresses = [...v4, ...v6];
  if (addresses.length === 0) throw new Error(`no A or AAAA record for ${name}`);
  return addresses;
}
