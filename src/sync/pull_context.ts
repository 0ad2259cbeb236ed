/**
 * @module
 * Everything a pull needs, built once from the configuration: the stores, this instance's org, the
 * git committer when `git.commit` is on and the data folder is a work tree, and a client per peer.
 * Validation checks come from the composition layer (they depend on the catalog).
 */
import type { Config, PeerConfig } from "../config/mod.ts";
import { NotFoundError } from "../errors.ts";
import {
  commitFiles,
  FsEventStore,
  isGitWorkTree,
  JobStore,
  loadRecordRegistry,
  PeerStateStore,
  QuarantineStore,
  readBlocklist,
} from "../store/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import { HttpPeerClient, type PeerClient } from "./peer_client.ts";
import { peerCredential } from "./peer_secret.ts";
import type { RunPullDeps } from "./run_pull.ts";
import type { PullProgress } from "./pull_pass.ts";

/** Options of {@link createPullContext}. */
export interface PullContextOptions {
  getEnv(name: string): string | undefined;
  now(): Date;
  checks?: readonly EventCheck[];
  signal?: AbortSignal;
}

/** Shared pull dependencies of one configuration. */
export interface PullContext {
  readonly config: Config;
  readonly store: FsEventStore;
  readonly quarantine: QuarantineStore;
  readonly peerState: PeerStateStore;
  readonly jobs: JobStore;
  readonly hostOrg?: string;
  /** The peer named `name`; throws NotFoundError listing the configured ones. */
  peer(name: string): PeerConfig;
  /** A client of `peer` with its credential. */
  client(peer: PeerConfig, signal?: AbortSignal): Promise<PeerClient>;
  /** Dependencies of a recorded pass of `peer`. */
  deps(
    peer: PeerConfig,
    options: {
      trigger: string;
      onProgress?: (progress: PullProgress) => void;
      signal?: AbortSignal;
    },
  ): Promise<RunPullDeps>;
}

/** Builds the pull context of `config`. */
export async function createPullContext(
  config: Config,
  options: PullContextOptions,
): Promise<PullContext> {
  const store = new FsEventStore(config.data, { maxEventBytes: config.limits.maxEventBytes });
  const quarantine = new QuarantineStore(config.state);
  const peerState = new PeerStateStore(config.state);
  const jobs = new JobStore(config.state);
  const registry = await loadRecordRegistry(config.data, { hostOrg: config.org });
  const commit = config.git.commit && await isGitWorkTree(config.data)
    ? (files: string[], message: string) => commitFiles(config.data, files, message)
    : undefined;
  const context: PullContext = {
    config,
    store,
    quarantine,
    peerState,
    jobs,
    hostOrg: registry.hostOrg,
    peer(name) {
      const peer = config.peers.find((candidate) => candidate.name === name);
      if (!peer) {
        const names = config.peers.map((candidate) => candidate.name).join(", ") || "none";
        throw new NotFoundError(
          `no peer named "${name}" in the configuration (configured: ${names})`,
        );
      }
      return peer;
    },
    async client(peer, signal) {
      const credential = await peerCredential(peer, {
        stateDir: config.state,
        getEnv: options.getEnv,
      });
      return new HttpPeerClient(peer, { credential, signal: signal ?? options.signal });
    },
    async deps(peer, extra) {
      // Read afresh for every pass: a blocklist merged in git counts from the next pass on.
      const blocklist = await readBlocklist(config.data);
      return {
        client: await context.client(peer, extra.signal),
        blocklist,
        store,
        quarantine,
        peerState,
        jobs,
        stateDir: config.state,
        dataDir: config.data,
        trigger: extra.trigger,
        hostOrg: registry.hostOrg,
        checks: options.checks,
        now: options.now,
        commit,
        pathOf: (uuid) => store.pathOf(uuid),
        onProgress: extra.onProgress,
        signal: extra.signal ?? options.signal,
      };
    },
  };
  return context;
}
