/**
 * @module
 * A pull set-up for sync tests: a temp data and state folder, a peer pointing at a feed server on
 * 127.0.0.1, and the dependencies of a pass wired to real stores.
 */
import { type PeerConfig, PeerEntrySchema, resolvePeer } from "../../src/config/mod.ts";
import { FsEventStore, JobStore, PeerStateStore, QuarantineStore } from "../../src/store/mod.ts";
import { HttpPeerClient, type RunPullDeps } from "../../src/sync/mod.ts";
import * as v from "valibot";
import { TEST_ORG } from "./sample_events.ts";

/** This instance's org in sync tests. */
export const HOST_ORG = "99999999-9999-4999-8999-999999999999";

/** A peer entry for `url`, allowed on loopback and speaking for the test org. */
export function testPeer(url: string, overrides: Record<string, unknown> = {}): PeerConfig {
  const entry = v.parse(PeerEntrySchema, {
    name: "peer-a",
    url,
    orgs: [TEST_ORG.uuid],
    allowPrivateNetwork: true,
    limits: { timeout: 5, connectTimeout: 2 },
    ...overrides,
  });
  return resolvePeer(entry, { maxEventBytes: 64 * 1024 * 1024 });
}

/** Real stores in `root` (data/ and .kura/) and pass dependencies for `peer`. */
export function pullDeps(
  root: string,
  peer: PeerConfig,
  extra: Partial<RunPullDeps> = {},
): RunPullDeps & { store: FsEventStore; quarantine: QuarantineStore; peerState: PeerStateStore } {
  const store = new FsEventStore(`${root}/data`);
  const quarantine = new QuarantineStore(`${root}/.kura`);
  const peerState = new PeerStateStore(`${root}/.kura`);
  return {
    client: new HttpPeerClient(peer),
    store,
    quarantine,
    peerState,
    jobs: new JobStore(`${root}/.kura`),
    stateDir: `${root}/.kura`,
    trigger: "test",
    hostOrg: HOST_ORG,
    now: () => new Date("2026-01-01T00:00:00Z"),
    pathOf: (uuid) => store.pathOf(uuid),
    ...extra,
  } as RunPullDeps & {
    store: FsEventStore;
    quarantine: QuarantineStore;
    peerState: PeerStateStore;
  };
}

/** Every file under `dir` with its content, for before/after comparisons. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(path: string) {
    let entries;
    try {
      entries = Deno.readDir(path);
      for await (const entry of entries) {
        const child = `${path}/${entry.name}`;
        if (entry.isDirectory) await walk(child);
        else out[child.slice(dir.length)] = await Deno.readTextFile(child);
      }
    } catch (cause) {
      if (!(cause instanceof Deno.errors.NotFound)) throw cause;
    }
  }
  await walk(dir);
  return out;
}
