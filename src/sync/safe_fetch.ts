/**
 * @module
 * The one egress path of sync (field-survey.md §4.3 point 2): http/https only; host names resolved
 * here and every address checked before connecting, then the connection made to the checked address
 * (DNS pinned, TLS still verified against the host name); connect and total timeouts; body caps on
 * the wire and decoded; at most 5 redirects, and credentials only ever sent to the original origin.
 * With a pool, connections are reused for the origin they were opened for (keep-alive).
 */
import { TransferError } from "../errors.ts";
import { refusedAddress } from "./egress_policy.ts";
import type { ConnectionPool } from "./connection_pool.ts";
import { exchange, NoAnswerError, type RawResponse } from "./http_exchange.ts";
import { resolveHost } from "./resolve_host.ts";

/** Options of {@link safeFetch}. */
export interface SafeFetchOptions {
  readonly method?: "GET" | "HEAD";
  /** Headers sent on every hop. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The credential header, sent only to the origin of the first URL. */
  readonly credential?: { readonly name: string; readonly value: string };
  /** Largest body on the wire (compressed); default 64 MiB. */
  readonly maxWireBytes?: number;
  /** Largest decoded body; default 64 MiB. */
  readonly maxBodyBytes?: number;
  /** Milliseconds to connect, TLS handshake included; default 10 000. */
  readonly connectTimeoutMs?: number;
  /** Milliseconds for each request, body included; default 300 000. */
  readonly timeoutMs?: number;
  /** PEM CA certificates trusted besides the system's, for https. */
  readonly caCerts?: readonly string[];
  /** Allow loopback and private addresses; default false. */
  readonly allowPrivateNetwork?: boolean;
  /** Redirects followed; default and maximum 5 (MISP's limit, misp-behaviour.md §3.3). */
  readonly maxRedirects?: number;
  /**
   * Keeps connections open for the next request to the same origin (keep-alive); without it every
   * request has its own connection, closed after it.
   */
  readonly pool?: ConnectionPool;
  /** Abort (daemon shutdown). */
  readonly signal?: AbortSignal;
  /** Name resolution; default {@link resolveHost}. Tests inject their own. */
  readonly resolve?: (host: string) => Promise<string[]>;
}

/** A response after redirects. */
export interface SafeResponse extends RawResponse {
  /** The URL that answered. */
  readonly url: string;
  readonly redirects: number;
  /** Whether the TLS handshake was made (https). */
  readonly tls: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MIB = 1024 * 1024;

/** Fetches `url` under the egress rules; any final status is returned, failures throw TransferError. */
export async function safeFetch(
  url: string,
  options: SafeFetchOptions = {},
): Promise<SafeResponse> {
  const maxRedirects = Math.min(options.maxRedirects ?? 5, 5);
  const first = parseTarget(url);
  let current = first;
  for (let redirects = 0;; redirects++) {
    const sameOrigin = current.origin === first.origin;
    const headers: Record<string, string> = {
      "User-Agent": "kura/0.1",
      "Accept-Encoding": "gzip, deflate",
      ...options.headers,
    };
    if (options.credential && sameOrigin) {
      headers[options.credential.name] = options.credential.value;
    }
    const response = await fetchOnce(current, headers, options);
    if (!REDIRECTS.has(response.status)) {
      return { ...response, url: current.href, redirects, tls: current.protocol === "https:" };
    }
    const location = response.headers.get("location");
    if (!location) {
      throw new TransferError(
        "bad-response",
        `HTTP ${response.status} without a Location`,
        response.status,
      );
    }
    if (redirects + 1 > maxRedirects) {
      throw new TransferError(
        "redirect",
        `more than ${maxRedirects} redirects (last to ${location})`,
      );
    }
    let next: URL;
    try {
      next = parseTarget(new URL(location, current).href);
    } catch (cause) {
      throw new TransferError(
        "redirect",
        `refused redirect to ${location}: ${(cause as Error).message}`,
      );
    }
    current = next;
  }
}

function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TransferError("address-refused", `"${url}" is not a URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TransferError(
      "address-refused",
      `only http and https are allowed, not ${parsed.protocol}`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new TransferError("address-refused", "URLs with embedded credentials are refused");
  }
  return parsed;
}

async function fetchOnce(
  url: URL,
  headers: Record<string, string>,
  options: SafeFetchOptions,
): Promise<RawResponse> {
  if (options.signal?.aborted) throw new TransferError("aborted", "the request was cancelled");
  const origin = `${url.protocol}//${url.host}`;
  const pool = options.pool;
  let conn = pool?.take(origin);
  let reused = conn !== undefined;
  conn ??= await open(url, options);
  let timedOut = false;
  let aborted = false;
  let keep = false;
  const close = () => {
    try {
      conn!.close();
    } catch { /* already closed */ }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    close();
  }, options.timeoutMs ?? 300_000);
  const onAbort = () => {
    aborted = true;
    close();
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const request = {
    method: options.method ?? "GET",
    target: `${url.pathname}${url.search}`,
    host: url.host,
    headers,
    maxWireBytes: options.maxWireBytes ?? 64 * MIB,
    maxBodyBytes: options.maxBodyBytes ?? 64 * MIB,
    keepAlive: pool !== undefined,
  } as const;
  try {
    let exchanged;
    try {
      exchanged = await exchange(conn, request);
    } catch (cause) {
      // A kept connection the server has dropped meanwhile: send the request again on a new one.
      if (!reused || !(cause instanceof NoAnswerError) || timedOut || aborted) throw cause;
      close();
      reused = false;
      conn = await open(url, options);
      exchanged = await exchange(conn, request);
    }
    keep = exchanged.reusable;
    return exchanged.response;
  } catch (caught) {
    const cause = caught instanceof NoAnswerError ? caught.original : caught;
    if (timedOut) {
      throw new TransferError(
        "timeout",
        `no complete answer from ${url.host} within ${options.timeoutMs ?? 300_000} ms`,
      );
    }
    if (aborted) throw new TransferError("aborted", "the request was cancelled");
    if (cause instanceof TransferError || cause instanceof TypeError) throw cause;
    throw new TransferError(
      "unreachable",
      `connection to ${url.host} failed: ${(cause as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
    if (keep && pool && !timedOut && !aborted) pool.give(origin, conn);
    else close();
  }
}

/** Resolves the host of `url`, checks every address, and connects to one (TLS for https). */
async function open(url: URL, options: SafeFetchOptions): Promise<Deno.Conn> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  const addresses = await (options.resolve ?? resolveHost)(host).catch((cause) => {
    throw new TransferError("unreachable", `cannot resolve ${host}: ${(cause as Error).message}`);
  });
  if (addresses.length === 0) throw new TransferError("unreachable", `cannot resolve ${host}`);
  for (const address of addresses) {
    const refused = refusedAddress(address, {
      allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    });
    if (refused) throw new TransferError("address-refused", `refused ${host}: ${refused}`);
  }
  return await connect(addresses, port, host, url.protocol === "https:", options);
}

async function connect(
  addresses: string[],
  port: number,
  host: string,
  tls: boolean,
  options: SafeFetchOptions,
): Promise<Deno.Conn> {
  const limit = options.connectTimeoutMs ?? 10_000;
  let lastError: unknown;
  for (const address of addresses) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let conn: Deno.Conn | undefined;
    const attempt = (async () => {
      conn = await Deno.connect({ hostname: address, port, transport: "tcp" });
      if (!tls) return conn;
      const secure = await Deno.startTls(conn as Deno.TcpConn, {
        hostname: host,
        caCerts: options.caCerts === undefined ? undefined : [...options.caCerts],
      });
      conn = secure;
      await secure.handshake().catch((cause) => {
        throw new TransferError("tls", `TLS with ${host} failed: ${(cause as Error).message}`);
      });
      return secure;
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new TransferError("timeout", `could not connect to ${host}:${port} within ${limit} ms`),
        );
      }, limit);
    });
    try {
      return await Promise.race([attempt, timeout]);
    } catch (cause) {
      attempt.then((late) => late.close(), () => {});
      if (cause instanceof TransferError) {
        if (cause.problem === "tls") throw cause;
        lastError = cause;
      } else {
        lastError = new TransferError(
          "unreachable",
          `cannot connect to ${host}:${port} (${address}): ${(cause as Error).message}`,
        );
      }
    } finally {
      clearTimeout(timer);
    }
  }
  throw lastError;
}
