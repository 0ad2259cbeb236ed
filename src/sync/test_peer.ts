/**
 * @module
 * `kura peers test`: can this peer be pulled from? Reachability, TLS, authentication and a manifest
 * that parses, reported with MISP's connection-test status codes (misp-behaviour.md §2.2): 1 OK,
 * 2 unreachable, 3 unexpected response, 4 authentication failed.
 */
import type { PeerConfig } from "../config/mod.ts";
import { TransferError } from "../errors.ts";
import { SIGNATURE_FILE, signatureProblem } from "../feed/mod.ts";
import { parseManifest } from "../merge/mod.ts";
import { peerCaCerts } from "./peer_ca.ts";
import { safeFetch, type SafeFetchOptions } from "./safe_fetch.ts";

/** The outcome of a peer test. */
export interface PeerTestResult {
  /** MISP's status: 1 OK, 2 unreachable, 3 unexpected response, 4 authentication failed. */
  readonly status: 1 | 2 | 3 | 4;
  readonly message: string;
  /** Each step: true passed, false failed, undefined not reached or not applicable. */
  readonly checks: {
    readonly reachable?: boolean;
    readonly tls?: boolean;
    readonly auth?: boolean;
    readonly manifest?: boolean;
    /** The manifest's signature, for a peer with a pinned `publicKey`. */
    readonly signature?: boolean;
  };
  /** Entries in the manifest, when it parsed. */
  readonly entries?: number;
  readonly elapsedMs: number;
}

/** MISP's names of the statuses. */
export const PEER_TEST_STATUS = {
  1: "OK",
  2: "Unreachable",
  3: "Unexpected response",
  4: "Authentication failed",
} as const;

/** Tests `peer` by fetching its manifest. */
export async function testPeerConnection(
  peer: PeerConfig,
  options: {
    credential?: { name: string; value: string };
    now: () => number;
    resolve?: SafeFetchOptions["resolve"];
  },
): Promise<PeerTestResult> {
  const started = options.now();
  const https = new URL(peer.url).protocol === "https:";
  const done = (result: Omit<PeerTestResult, "elapsedMs">): PeerTestResult => ({
    ...result,
    elapsedMs: options.now() - started,
  });
  const caCerts = await peerCaCerts(peer); // a broken CA file is a configuration error, not a peer's
  let response;
  try {
    response = await safeFetch(new URL("manifest.json", peer.url).href, {
      headers: { Accept: "application/json" },
      caCerts,
      credential: options.credential,
      maxWireBytes: peer.limits.maxManifestBytes,
      maxBodyBytes: peer.limits.maxManifestBytes,
      connectTimeoutMs: peer.limits.connectTimeout * 1000,
      timeoutMs: peer.limits.timeout * 1000,
      allowPrivateNetwork: peer.allowPrivateNetwork,
      resolve: options.resolve,
    });
  } catch (cause) {
    const error = cause as Error;
    if (error instanceof TransferError && error.problem === "tls") {
      return done({ status: 2, message: error.message, checks: { reachable: true, tls: false } });
    }
    if (error instanceof TransferError && error.problem === "too-large") {
      return done({
        status: 3,
        message: error.message,
        checks: { reachable: true, tls: https || undefined },
      });
    }
    return done({ status: 2, message: error.message, checks: { reachable: false } });
  }
  const tls = https ? true : undefined;
  if (response.status === 401 || response.status === 403) {
    return done({
      status: 4,
      message: `HTTP ${response.status}: the peer refused the credentials${
        peer.token ? "" : " (no token is configured)"
      }`,
      checks: { reachable: true, tls, auth: false },
    });
  }
  if (response.status !== 200) {
    return done({
      status: 3,
      message: `HTTP ${response.status} for manifest.json`,
      checks: { reachable: true, tls, auth: response.status === 404 ? undefined : true },
    });
  }
  try {
    const json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(response.body));
    const manifest = parseManifest(json);
    const invalid = manifest.invalid.length > 0
      ? `, ${manifest.invalid.length} invalid entries`
      : "";
    const parses = `manifest.json parses: ${manifest.entries.length} events${invalid}`;
    const checks = { reachable: true, tls, auth: true, manifest: true };
    if (peer.publicKey !== undefined) {
      const problem = await signedBy(peer, response.body, caCerts, options);
      if (problem) {
        return done({
          status: 3,
          message: `${parses}, but ${problem}`,
          checks: { ...checks, signature: false },
          entries: manifest.entries.length,
        });
      }
      return done({
        status: 1,
        message: `${parses}, signed with the pinned key`,
        checks: { ...checks, signature: true },
        entries: manifest.entries.length,
      });
    }
    return done({ status: 1, message: parses, checks, entries: manifest.entries.length });
  } catch (cause) {
    return done({
      status: 3,
      message: `manifest.json does not parse: ${(cause as Error).message}`,
      checks: { reachable: true, tls, auth: true, manifest: false },
    });
  }
}

/** Why the peer's manifest signature does not vouch for `manifest`, or undefined when it does. */
async function signedBy(
  peer: PeerConfig,
  manifest: Uint8Array,
  caCerts: string[] | undefined,
  options: { credential?: { name: string; value: string }; resolve?: SafeFetchOptions["resolve"] },
): Promise<string | undefined> {
  try {
    const response = await safeFetch(new URL(SIGNATURE_FILE, peer.url).href, {
      caCerts,
      credential: options.credential,
      maxWireBytes: 64 * 1024,
      maxBodyBytes: 64 * 1024,
      connectTimeoutMs: peer.limits.connectTimeout * 1000,
      timeoutMs: peer.limits.timeout * 1000,
      allowPrivateNetwork: peer.allowPrivateNetwork,
      resolve: options.resolve,
    });
    if (response.status !== 200) return `${SIGNATURE_FILE} answers HTTP ${response.status}`;
    const problem = await signatureProblem(manifest, response.body, peer.publicKey!);
    return problem && `the signature does not verify: ${problem}`;
  } catch (cause) {
    return `${SIGNATURE_FILE} could not be fetched: ${(cause as Error).message}`;
  }
}
