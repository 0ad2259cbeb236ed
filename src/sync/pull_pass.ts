/**
 * @module
 * One pull pass from a peer (misp-behaviour.md §3.3, §2.3): fetch the manifest with If-None-Match (a
 * 304 ends the pass with no other request), decide each entry, fetch what is new or newer with bounded
 * concurrency, check, prepare and merge each event, write it through the store, and commit the files
 * written when asked. One result per manifest entry; failed checks go to the quarantine.
 */
import type { PeerConfig } from "../config/mod.ts";
import { InvalidDataError } from "../errors.ts";
import {
  decidePull,
  type EventResult,
  type LocalSummary,
  type ManifestEntry,
  parseManifest,
  type SyncStatus,
} from "../merge/mod.ts";
import type { Blocklist } from "../model/mod.ts";
import { SIGNATURE_FILE, signatureProblem } from "../feed/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import type { EventStore, PeerState, PeerStateStore, QuarantineStore } from "../store/mod.ts";
import type { PeerClient } from "./peer_client.ts";
import { processFetchedEvent, type ProcessOutcome, storeOutcomes } from "./process_event.ts";
import { commitMessage } from "./commit_message.ts";
import { countResults, describeFailure, existing, forEachLimited } from "./pass_results.ts";

export { countResults, describeFailure } from "./pass_results.ts";

/** Events fetched and merged before they are written together. */
const WRITE_CHUNK = 64;

/** Progress of a pass, for a bar or log lines. */
export interface PullProgress {
  readonly peer: string;
  readonly phase: "manifest" | "events" | "done";
  readonly done: number;
  readonly total: number;
}

/** What a pull pass uses. */
export interface PullDeps {
  readonly client: PeerClient;
  readonly store: EventStore;
  /** Events and creator orgs never taken (`data/blocklist.json`; default none). */
  readonly blocklist?: Blocklist;
  readonly quarantine: QuarantineStore;
  readonly peerState: PeerStateStore;
  /** This instance's org uuid. */
  readonly hostOrg?: string;
  /** Catalog checks from the composition layer (validation is the foundation's plus these). */
  readonly checks?: readonly EventCheck[];
  readonly now: () => Date;
  /** Commits the given files with a message (git), when the data folder is to be committed. */
  readonly commit?: (files: string[], message: string) => Promise<string | undefined>;
  /** Called once before the first write of a pass (clears what an interrupted writer left). */
  readonly beforeWrites?: () => Promise<unknown>;
  /** Path of the file an event is stored in (what gets committed). */
  readonly pathOf?: (uuid: string) => string;
  readonly onProgress?: (progress: PullProgress) => void;
  readonly signal?: AbortSignal;
}

/** Throws InvalidDataError unless `manifest` is signed by `publicKey` (feed/manifest_signature.ts). */
export async function verifySignature(
  client: PeerClient,
  manifest: Uint8Array,
  publicKey: string,
): Promise<void> {
  let signature: Uint8Array;
  try {
    signature = await client.manifestSignature();
  } catch (cause) {
    throw new InvalidDataError(
      `the peer's key is pinned but ${SIGNATURE_FILE} could not be fetched (${
        describeFailure(cause)
      })`,
    );
  }
  const problem = await signatureProblem(manifest, signature, publicKey);
  if (problem) throw new InvalidDataError(`manifest signature: ${problem}`);
}

/** How a pass ended. */
export type PassStatus = "ok" | "not-modified" | "partial" | "failed";

/** The report of one pass. */
export interface PullReport {
  readonly peer: string;
  readonly status: PassStatus;
  /** Why the pass failed or was partial. */
  readonly error?: string;
  readonly results: EventResult[];
  readonly counts: Record<SyncStatus, number>;
  /** Commit id when one was made. */
  readonly commit?: string;
  readonly started: string;
  readonly finished: string;
}

/** Runs one pull pass from `peer`. Never throws for peer or data problems: they are in the report. */
export async function pullPass(peer: PeerConfig, deps: PullDeps): Promise<PullReport> {
  const started = deps.now();
  // The seen map is read only once the manifest has changed: a 304 poll reads and writes a few bytes.
  const state = await deps.peerState.get(peer.name, { seen: false });
  const finish = async (
    status: PassStatus,
    results: EventResult[],
    extra: { error?: string; commit?: string; next?: Partial<PeerState> } = {},
  ): Promise<PullReport> => {
    const finished = deps.now();
    const failed = status === "failed";
    await deps.peerState.put(peer.name, {
      ...state,
      ...extra.next,
      lastAttempt: finished.toISOString(),
      lastSuccess: failed ? state.lastSuccess : finished.toISOString(),
      lastError: extra.error
        ? { time: finished.toISOString(), message: extra.error }
        : state.lastError,
      failures: failed ? state.failures + 1 : 0,
    }, { seenChanged: extra.next?.seen !== undefined });
    deps.onProgress?.({
      peer: peer.name,
      phase: "done",
      done: results.length,
      total: results.length,
    });
    return {
      peer: peer.name,
      status,
      error: extra.error,
      results,
      counts: countResults(results),
      commit: extra.commit,
      started: started.toISOString(),
      finished: finished.toISOString(),
    };
  };

  deps.onProgress?.({ peer: peer.name, phase: "manifest", done: 0, total: 0 });
  let entries: ManifestEntry[];
  const results: EventResult[] = [];
  let etag: string | undefined;
  try {
    const manifest = await deps.client.manifest({ etag: state.etag });
    if (manifest.notModified) return await finish("not-modified", []);
    etag = manifest.etag;
    if (peer.publicKey !== undefined) {
      // A pinned key: nothing of this manifest is used unless the publisher signed these bytes.
      await verifySignature(deps.client, manifest.bytes, peer.publicKey);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(manifest.bytes));
    } catch (cause) {
      throw new InvalidDataError(`manifest.json is not valid JSON: ${(cause as Error).message}`);
    }
    let parsed;
    try {
      parsed = parseManifest(json);
    } catch (cause) {
      throw new InvalidDataError(`manifest.json: ${(cause as Error).message}`);
    }
    entries = parsed.entries;
    if (peer.publicKey !== undefined) {
      // The signature covers event files only through their integrity:sha256.
      const unsigned = entries.filter((entry) => entry.sha256 === undefined);
      entries = entries.filter((entry) => entry.sha256 !== undefined);
      for (const entry of unsigned) {
        results.push({
          uuid: entry.uuid,
          status: "rejected",
          reason: "no integrity:sha256 in the signed manifest: the event file cannot be verified",
          info: entry.info,
        });
      }
    }
    for (const bad of parsed.invalid) {
      const receipt = await deps.quarantine.add({
        peer: peer.name,
        uuid: bad.key,
        reason: bad.reason,
        time: deps.now(),
        body: new TextEncoder().encode(bad.raw),
      });
      results.push({
        uuid: bad.key,
        status: "quarantined",
        reason: bad.reason,
        quarantineId: receipt.id,
      });
    }
  } catch (cause) {
    return await finish("failed", [], { error: describeFailure(cause) });
  }

  const now = Math.floor(deps.now().getTime() / 1000);
  const known = new Set(await deps.store.list());
  const locals = new Map<string, Awaited<ReturnType<EventStore["get"]>>>();
  const toFetch: ManifestEntry[] = [];
  const seenBefore = await deps.peerState.seen(peer.name);
  const quarantined = new Map(
    (await deps.quarantine.list(peer.name)).map((receipt) => [receipt.uuid, receipt]),
  );
  const seen: Record<string, number> = { ...seenBefore };
  for (const entry of entries) {
    let local: LocalSummary | undefined;
    if (known.has(entry.uuid)) {
      if (seenBefore[entry.uuid] === entry.timestamp) {
        results.push({
          uuid: entry.uuid,
          status: "unchanged",
          reason: "same manifest timestamp as the last pass",
          info: entry.info,
        });
        continue;
      }
      try {
        const event = await deps.store.get(entry.uuid);
        locals.set(entry.uuid, event);
        if (event) {
          local = {
            timestamp: Number(event.timestamp ?? 0),
            orgc: event.Orgc?.uuid?.toLowerCase() ?? undefined,
            locked: event.locked === true,
          };
        }
      } catch (cause) {
        results.push({
          uuid: entry.uuid,
          status: "rejected",
          reason: `the local copy cannot be read: ${(cause as Error).message}`,
          info: entry.info,
        });
        continue;
      }
    }
    const decision = decidePull(entry, local, {
      peer: peer.name,
      rules: peer.rules,
      orgs: peer.orgs,
      hostOrg: deps.hostOrg,
      internal: peer.internal,
      now,
      blocklist: deps.blocklist,
    });
    if (decision.fetch) {
      const held = quarantined.get(entry.uuid);
      if (held && held.timestamp === entry.timestamp) {
        // Fetched before, failed a check, and the peer has not changed it since: not again.
        results.push({
          uuid: entry.uuid,
          status: "quarantined",
          reason: `still quarantined, unchanged by the peer: ${held.reason}`,
          info: entry.info,
          quarantineId: held.id,
        });
      } else toFetch.push(entry);
    } else {
      results.push({
        uuid: entry.uuid,
        status: decision.status,
        reason: decision.reason,
        info: entry.info,
      });
      if (decision.status === "unchanged") seen[entry.uuid] = entry.timestamp;
    }
  }

  if (toFetch.length > 0) await deps.beforeWrites?.();
  let transient = 0;
  let done = 0;
  const written: string[] = [];
  const writtenResults: EventResult[] = [];
  deps.onProgress?.({ peer: peer.name, phase: "events", done: 0, total: toFetch.length });
  // Events are fetched and merged a chunk at a time, then the chunk is written in one put (the
  // store writes its files side by side; fsync dominates a large first pull).
  for (let start = 0; start < toFetch.length && !deps.signal?.aborted; start += WRITE_CHUNK) {
    const ready: { entry: ManifestEntry; outcome: ProcessOutcome }[] = [];
    await forEachLimited(
      toFetch.slice(start, start + WRITE_CHUNK),
      peer.concurrency,
      async (entry) => {
        if (deps.signal?.aborted) return;
        let bytes: Uint8Array;
        try {
          bytes = await deps.client.event(entry.uuid);
        } catch (cause) {
          transient++;
          results.push({
            uuid: entry.uuid,
            status: "rejected",
            reason: `could not fetch the event (${
              describeFailure(cause)
            }); it is tried again next pass`,
            info: entry.info,
          });
          return;
        }
        const outcome = await processFetchedEvent(
          peer,
          { uuid: entry.uuid, sha256: entry.sha256, bytes, timestamp: entry.timestamp },
          {
            ...deps,
            now,
            local: locals.has(entry.uuid) ? { event: locals.get(entry.uuid) } : undefined,
          },
        );
        ready.push({ entry, outcome });
      },
    );
    const toStore = ready.filter(({ outcome }) => outcome.store !== undefined);
    const paths = deps.pathOf ? toStore.map(({ entry }) => deps.pathOf!(entry.uuid)) : [];
    if (deps.commit) {
      // Journalled before the write, so a pass killed right after writing still gets committed.
      for (const path of paths) await deps.peerState.addPending(peer.name, path);
    }
    const stored = await storeOutcomes(
      deps.store,
      ready.map(({ entry, outcome }) => ({ uuid: entry.uuid, outcome })),
    );
    stored.forEach((outcome, index) => (ready[index]!.outcome = outcome));
    written.push(...paths);
    for (const { entry, outcome } of ready) {
      results.push(outcome.result);
      if (outcome.result.status !== "quarantined" && outcome.result.status !== "rejected") {
        seen[entry.uuid] = entry.timestamp;
      }
      if (outcome.store) writtenResults.push(outcome.result);
    }
    done = Math.min(toFetch.length, start + WRITE_CHUNK);
    deps.onProgress?.({ peer: peer.name, phase: "events", done, total: toFetch.length });
  }

  if (deps.signal?.aborted) {
    return await finish("failed", results, { error: "the pass was cancelled", next: { seen } });
  }
  let commit: string | undefined;
  let error: string | undefined;
  const pending = deps.commit ? await existing(await deps.peerState.pending(peer.name)) : [];
  if (deps.commit && pending.length > 0) {
    try {
      // Files left uncommitted by an interrupted pass are committed with this one.
      commit = await deps.commit(pending, commitMessage(peer.name, writtenResults));
      await deps.peerState.clearPending(peer.name);
    } catch (cause) {
      error = `data written but not committed: ${(cause as Error).message}`;
    }
  }
  const complete = transient === 0 && error === undefined;
  if (transient > 0) error ??= `${transient} event(s) could not be fetched`;
  return await finish(complete ? "ok" : "partial", sortResults(results), {
    error,
    commit,
    // The ETag is kept only when every entry was handled, so a partial pass is not skipped by a 304.
    next: { seen, etag: complete ? etag : undefined },
  });
}

function sortResults(results: EventResult[]): EventResult[] {
  return results.sort((a, b) => (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
}
