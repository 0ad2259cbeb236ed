/**
 * @module
 * kura's resolved configuration and its defaults. Every field of `kura.json` is optional; what is not
 * given comes from {@link DEFAULTS}. Paths here are absolute once resolved.
 */
import type { PeerConfig } from "./peer_config.ts";

/** Paths of the three MISP library checkouts; undefined = use the built-in minimal set. */
export interface LibraryPaths {
  readonly taxonomies?: string;
  readonly galaxy?: string;
  readonly objects?: string;
}

/** Which taxonomies count as enabled for tag validation. */
export interface TaxonomySelection {
  /** Namespaces enabled; `["*"]` (default) enables every loaded taxonomy. */
  readonly enabled: readonly string[];
  /** Namespaces disabled even when `enabled` matches them. */
  readonly disabled: readonly string[];
}

/** The HTTP listener of the daemon. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
}

/** Size limits applied when reading data. */
export interface Limits {
  /** Largest event file kura reads, in bytes (default 64 MiB). */
  readonly maxEventBytes: number;
}

/** Git integration of the data folder. */
export interface GitConfig {
  /** Commit what a sync pass wrote, one commit per pass (default false). */
  readonly commit: boolean;
}

/** The fully resolved configuration, parsed once at start-up. */
export interface Config {
  /** Folder of the config file, or the working folder when there is none. */
  readonly root: string;
  /** Path of the config file used, if any. */
  readonly file?: string;
  /**
   * uuid of this instance's own organisation (MISP's host org): the owner of locally created events.
   * Undefined = the one organisation in `data/orgs/` marked `"local": true`.
   */
  readonly org?: string;
  readonly data: string;
  readonly feeds: string;
  readonly state: string;
  readonly libraries: LibraryPaths;
  readonly taxonomies: TaxonomySelection;
  readonly server: ServerConfig;
  readonly limits: Limits;
  readonly git: GitConfig;
  readonly peers: readonly PeerConfig[];
}

/** Defaults of every field, relative paths resolved against the config's folder. */
export const DEFAULTS = {
  data: "data",
  feeds: "feeds",
  state: ".kura",
  taxonomies: { enabled: ["*"], disabled: [] },
  server: { host: "127.0.0.1", port: 8080 },
  limits: { maxEventBytes: 64 * 1024 * 1024 },
  git: { commit: false },
} as const;

/** Name of the config file looked up in the working folder. */
export const CONFIG_FILE_NAME = "kura.json";
