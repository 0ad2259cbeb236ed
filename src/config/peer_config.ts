/**
 * @module
 * The resolved configuration of a peer (a kura instance or a MISP feed this instance pulls from) and
 * the defaults of its optional fields.
 */

/** A MISP-style OR/NOT list (misp-behaviour.md §2.1 `pull_rules`). */
export interface OrNot {
  readonly OR: readonly string[];
  readonly NOT: readonly string[];
}

/** Which manifest entries and attributes a pull takes. */
export interface PeerRules {
  /** Tag names, exact, against the manifest's `Tag[].name`. */
  readonly tags: OrNot;
  /** Creator orgs by uuid or name, against the manifest's `Orgc`. */
  readonly orgs: OrNot;
  /** Oldest event timestamp taken: epoch seconds, or an age like `30d`, `12h` (MISP's url_params). */
  readonly minTimestamp?: number | string;
  /** Attribute types dropped from every pulled event. */
  readonly excludeTypes: readonly string[];
}

/** Where a peer's secret is read from: an environment variable, or a file in the state folder. */
export type SecretSource = { readonly env: string } | { readonly file: string };

/** The credential sent to a peer. */
export interface PeerToken {
  readonly source: SecretSource;
  /** Header carrying it (default `Authorization`). */
  readonly header: string;
  /** `bearer` sends `Bearer <secret>`; `raw` sends the secret as is, as MISP's authkeys are. */
  readonly scheme: "bearer" | "raw";
}

/** Transfer limits of a peer. */
export interface PeerLimits {
  /** Largest manifest.json accepted, compressed or not (default 64 MiB). */
  readonly maxManifestBytes: number;
  /** Largest event file accepted, compressed or not (default: `limits.maxEventBytes`). */
  readonly maxEventBytes: number;
  /** Seconds to establish a connection, TLS included (default 10). */
  readonly connectTimeout: number;
  /** Seconds for a whole request, body included (default 300). */
  readonly timeout: number;
}

/** A peer, fully resolved. */
export interface PeerConfig {
  readonly name: string;
  /** Base URL of the feed, ending in `/`; `manifest.json` and `<uuid>.json` are fetched below it. */
  readonly url: string;
  readonly token?: PeerToken;
  /** Creator org uuids this peer may introduce or update; `"*"` = any org but this instance's. */
  readonly orgs: readonly string[];
  /** Seconds between polls in the daemon (default 3600). */
  readonly interval: number;
  readonly rules: PeerRules;
  /** `"keep"` the feed's (downgraded) distribution, or set this level for every pulled event. */
  readonly distribution: "keep" | 0 | 1 | 2 | 3;
  /** Same organisation: distributions are not downgraded and local tags are kept. */
  readonly internal: boolean;
  /** Allow loopback and private addresses (tests, peers on the same LAN); default false. */
  readonly allowPrivateNetwork: boolean;
  /**
   * The publisher's feed signing key (`ed25519:…`): when set, a manifest is used only when
   * `manifest.json.sig` verifies with it, and only entries with `integrity:sha256`. Default none.
   */
  readonly publicKey?: string;
  /**
   * A PEM file of CA certificates trusted for this peer besides the system's (a MISP instance with
   * an internal CA); resolved against the config file's folder. Default none.
   */
  readonly caFile?: string;
  /** Event downloads in flight at once (default 4). */
  readonly concurrency: number;
  readonly limits: PeerLimits;
}

/** Defaults of a peer's optional fields. */
export const PEER_DEFAULTS = {
  interval: 3600,
  distribution: "keep",
  concurrency: 4,
  maxManifestBytes: 64 * 1024 * 1024,
  connectTimeout: 10,
  timeout: 300,
  tokenHeader: "Authorization",
  tokenScheme: "bearer",
} as const;
