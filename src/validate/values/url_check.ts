/**
 * @module
 * The check MISP applies to `link` values: PHP's `filter_var(FILTER_VALIDATE_URL)` with a required
 * scheme (misp-behaviour.md §4.4). Only printable ASCII from the URL character set; a scheme; a host
 * for every scheme but mailto, news and file; for http and https a valid host name or IP literal.
 */
import { isIPv6 } from "./ip_address.ts";

/** Characters PHP's URL filter lets through (letters, digits and `$-_.+!*'(),{}|\^~[]`<>#%";/?:@&=`). */
const URL_CHARS = /^[A-Za-z0-9$\-_.+!*'(),{}|\\^~[\]`<>#%";/?:@&=]+$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.\-]*):/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const NO_HOST_SCHEMES = new Set(["mailto", "news", "file"]);

/** Why `value` is not a URL PHP accepts with a scheme, or undefined. */
export function explainUrl(value: string): string | undefined {
  if (!URL_CHARS.test(value)) {
    return "expected a URL of printable ASCII characters (no spaces; encode the others with %)";
  }
  const scheme = SCHEME.exec(value);
  if (scheme === null) return "expected a URL with a scheme, such as https://";
  const name = scheme[1]!.toLowerCase();
  const rest = value.slice(scheme[0].length);
  if (!rest.startsWith("//")) {
    return NO_HOST_SCHEMES.has(name) ? undefined : "expected // and a host after the scheme";
  }
  const authorityEnd = rest.slice(2).search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest.slice(2) : rest.slice(2, 2 + authorityEnd);
  const host = hostOf(authority);
  if (host === undefined) return "the host or port is malformed";
  if (host === "") {
    return NO_HOST_SCHEMES.has(name) ? undefined : "expected a host after //";
  }
  if ((name === "http" || name === "https") && !isHostName(host)) {
    return `"${host}" is not a valid host name`;
  }
  return undefined;
}

/** The host of an authority (`user:pass@host:port`), "" when empty, undefined when malformed. */
function hostOf(authority: string): string | undefined {
  const at = authority.lastIndexOf("@");
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close === -1) return undefined;
    const after = hostPort.slice(close + 1);
    if (after !== "" && !/^:[0-9]{0,5}$/.test(after)) return undefined;
    return hostPort.slice(0, close + 1);
  }
  const colon = hostPort.indexOf(":");
  if (colon === -1) return hostPort;
  const port = hostPort.slice(colon + 1);
  if (!/^[0-9]{0,5}$/.test(port) || Number(port) > 65535) return undefined;
  return hostPort.slice(0, colon);
}

/** A DNS host name (labels of letters, digits and inner hyphens; an optional final dot) or `[v6]`. */
function isHostName(host: string): boolean {
  if (host.startsWith("[")) return isIPv6(host.slice(1, -1));
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  if (name.length === 0 || name.length > 253) return false;
  for (const label of name.split(".")) if (!HOST_LABEL.test(label)) return false;
  return true;
}
