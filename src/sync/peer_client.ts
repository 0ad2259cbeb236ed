/**
 * @module
 * The PeerClient port: what a pull pass needs from a peer — its manifest (conditional on the last
 * ETag) and one event file by uuid. {@link HttpPeerClient} talks to a real feed through
 * {@link safeFetch}; {@link MemoryPeerClient} serves files from memory for tests. Both pass
 * `tests/contract/peer_client_contract.ts`.
 */
import type { PeerConfig } from "../config/mod.ts";
import { TransferError } from "../errors.ts";
import { isCanonicalUuid } from "../model/mod.ts";
import { ConnectionPool } from "./connection_pool.ts";
import { peerCaCerts } from "./peer_ca.ts";
import { safeFetch, type SafeFetchOptions } from "./safe_fetch.ts";

/** The answer to a manifest request. */
export type ManifestFetch =
  | { readonly notModified: true }
  | { readonly notModified: false; readonly bytes: Uint8Array; readonly etag?: string };

/** A peer's feed, as a pull pass sees it. */
export interface PeerClient {
  /** Fetches `manifest.json`; with `etag`, a 304 answer means nothing changed. */
  manifest(options?: { etag?: string }): Promise<ManifestFetch>;
  /** Fetches `<uuid>.json`; `uuid` must be a lower-case uuid. Throws TransferError on failure. */
  event(uuid: string): Promise<Uint8Array>;
  /** Fetches `manifest.json.sig` (signed feeds). Throws TransferError on failure. */
  manifestSignature(): Promise<Uint8Array>;
  /**
   * Closes the connections kept open between requests (a pass calls it when it ends); the client
   * stays usable and opens new ones as needed.
   */
  closeIdle(): void;
}

/** Options of {@link HttpPeerClient}. */
export interface HttpPeerClientOptions {
  /** The credential header (see peerCredential). */
  credential?: { name: string; value: string };
  signal?: AbortSignal;
  /** Name resolution override (tests). */
  resolve?: SafeFetchOptions["resolve"];
}

/** PeerClient over HTTP(S) with kura's egress rules and the peer's limits. */
export class HttpPeerClient implements PeerClient {
  readonly #peer: PeerConfig;
  readonly #options: HttpPeerClientOptions;
  /** The peer's extra CA certificates, read at the first request. */
  #caCerts?: Promise<string[] | undefined>;
  /** Connections kept between requests: a pass fetches many files from one origin. */
  readonly #pool: ConnectionPool;

  /** A client of `peer`'s feed. */
  constructor(peer: PeerConfig, options: HttpPeerClientOptions = {}) {
    this.#peer = peer;
    this.#options = options;
    // As many kept connections as event downloads run at once, plus the manifest's.
    this.#pool = new ConnectionPool({ maxIdlePerOrigin: peer.concurrency + 1 });
  }

  async manifest(options: { etag?: string } = {}): Promise<ManifestFetch> {
    const headers: Record<string, string> = {};
    if (options.etag) headers["If-None-Match"] = options.etag;
    const response = await this.#get("manifest.json", this.#peer.limits.maxManifestBytes, headers);
    if (response.status === 304) return { notModified: true };
    return { notModified: false, bytes: response.body, etag: response.headers.get("etag") };
  }

  async event(uuid: string): Promise<Uint8Array> {
    if (!isCanonicalUuid(uuid)) throw new TypeError(`refusing to fetch "${uuid}": not a uuid`);
    return (await this.#get(`${uuid}.json`, this.#peer.limits.maxEventBytes, {})).body;
  }

  async manifestSignature(): Promise<Uint8Array> {
    return (await this.#get("manifest.json.sig", 64 * 1024, {})).body;
  }

  closeIdle(): void {
    this.#pool.closeIdle();
  }

  async #get(file: string, max: number, headers: Record<string, string>) {
    this.#caCerts ??= peerCaCerts(this.#peer);
    const caCerts = await this.#caCerts;
    const response = await safeFetch(new URL(file, this.#peer.url).href, {
      headers: { Accept: "application/json", ...headers },
      caCerts,
      pool: this.#pool,
      credential: this.#options.credential,
      maxWireBytes: max,
      maxBodyBytes: max,
      connectTimeoutMs: this.#peer.limits.connectTimeout * 1000,
      timeoutMs: this.#peer.limits.timeout * 1000,
      allowPrivateNetwork: this.#peer.allowPrivateNetwork,
      signal: this.#options.signal,
      resolve: this.#options.resolve,
    });
    if (response.status !== 200 && response.status !== 304) {
      throw new TransferError(
        "http-status",
        `HTTP ${response.status} for ${file} from ${new URL(response.url).host}`,
        response.status,
      );
    }
    return response;
  }
}

/** PeerClient over files in memory, with ETags from content; counts requests. */
export class MemoryPeerClient implements PeerClient {
  /** Files by name (`manifest.json`, `<uuid>.json`). */
  readonly files: Map<string, Uint8Array>;
  /** Number of requests answered. */
  requests = 0;

  /** A client serving `files`. */
  constructor(files: Map<string, Uint8Array> = new Map()) {
    this.files = files;
  }

  async manifest(options: { etag?: string } = {}): Promise<ManifestFetch> {
    this.requests++;
    const bytes = this.#file("manifest.json");
    const etag = `"${await shortHash(bytes)}"`;
    if (options.etag === etag) return { notModified: true };
    return { notModified: false, bytes, etag };
  }

  event(uuid: string): Promise<Uint8Array> {
    this.requests++;
    if (!isCanonicalUuid(uuid)) {
      return Promise.reject(new TypeError(`refusing to fetch "${uuid}": not a uuid`));
    }
    try {
      return Promise.resolve(this.#file(`${uuid}.json`));
    } catch (cause) {
      return Promise.reject(cause);
    }
  }

  manifestSignature(): Promise<Uint8Array> {
    this.requests++;
    try {
      return Promise.resolve(this.#file("manifest.json.sig"));
    } catch (cause) {
      return Promise.reject(cause);
    }
  }

  closeIdle(): void {
    // Nothing is kept open in memory.
  }

  #file(name: string): Uint8Array {
    const bytes = this.files.get(name);
    if (!bytes) throw new TransferError("http-status", `HTTP 404 for ${name} from memory`, 404);
    return bytes;
  }
}

async function shortHash(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return [...new Uint8Array(digest)].slice(0, 12).map((b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
}
