/**
 * @module
 * What happens to one fetched event file: the checks (else quarantine with a receipt), the pull
 * transforms, the merge with the local copy, validation of what would be stored (else quarantine),
 * and hands back what to write through the store. Shared by the pull pass, `peers fetch` and quarantine retry.
 */
import type { PeerConfig } from "../config/mod.ts";
import { blockedReason, type EventResult, mergeEvent, prepareIncoming } from "../merge/mod.ts";
import { type Blocklist, formatEventDocument, type MispEvent } from "../model/mod.ts";
import type { EventStore, QuarantineStore } from "../store/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import { checkFetchedEvent, refusedByValidation } from "./check_fetched_event.ts";

/** What {@link processFetchedEvent} uses. */
export interface ProcessDeps {
  readonly store: EventStore;
  /** Events and creator orgs never taken (default none). */
  readonly blocklist?: Blocklist;
  readonly quarantine: QuarantineStore;
  readonly hostOrg?: string;
  readonly checks?: readonly EventCheck[];
  /** Epoch seconds. */
  readonly now: number;
  /** The local copy when already read (`event` undefined = none); read from the store otherwise. */
  readonly local?: { event: MispEvent | undefined };
}

/** The result, and the event to store when the status is new or updated. */
export interface ProcessOutcome {
  readonly result: EventResult;
  readonly store?: MispEvent;
  /**
   * For an event that passed its checks: the local copy it was merged with, and how to merge it
   * again with another one. A writer that finds the local copy changed since (another pass, an
   * editor) merges again under the write lock instead of overwriting that change.
   */
  readonly merge?: {
    readonly basis: MispEvent | undefined;
    readonly again: (current: MispEvent | undefined) => Promise<ProcessOutcome>;
  };
}

/**
 * Checks and merges one fetched event; what is to be stored is returned, not written, so a pass can
 * write many at once. Never throws for bad data.
 */
export async function processFetchedEvent(
  peer: PeerConfig,
  fetched: { uuid: string; sha256?: string; bytes: Uint8Array; timestamp?: number },
  deps: ProcessDeps,
): Promise<ProcessOutcome> {
  const { uuid, bytes } = fetched;
  const quarantine = async (reason: string, info?: string): Promise<ProcessOutcome> => {
    const receipt = await deps.quarantine.add({
      peer: peer.name,
      uuid,
      reason,
      time: new Date(deps.now * 1000),
      body: bytes,
      timestamp: fetched.timestamp,
    });
    return { result: { uuid, status: "quarantined", reason, info, quarantineId: receipt.id } };
  };
  const verdict = await checkFetchedEvent(bytes, { uuid, sha256: fetched.sha256 }, {
    peer: peer.name,
    orgs: peer.orgs,
    hostOrg: deps.hostOrg,
    internal: peer.internal,
  });
  if (!verdict.ok) return await quarantine(verdict.reason);
  const info = verdict.event.info ?? undefined;
  // The manifest's Orgc may differ from the file's: the file decides (MISP refuses it as 'blocked').
  const blocked = deps.blocklist &&
    blockedReason({ uuid, orgc: verdict.event.Orgc }, deps.blocklist);
  if (blocked) return { result: { uuid, status: "rejected", reason: blocked, info } };
  const prepared = prepareIncoming(verdict.event, {
    distribution: peer.distribution,
    internal: peer.internal,
    excludeTypes: peer.rules.excludeTypes,
  });
  const invalid = refusedByValidation(prepared.event, { checks: deps.checks, now: deps.now });
  if (invalid) return await quarantine(invalid, info);
  let local: MispEvent | undefined;
  try {
    local = deps.local ? deps.local.event : await deps.store.get(uuid);
  } catch (cause) {
    return {
      result: {
        uuid,
        status: "rejected",
        reason: `the local copy cannot be read: ${(cause as Error).message}`,
        info,
      },
    };
  }
  const mergeWith = async (basis: MispEvent | undefined): Promise<ProcessOutcome> => {
    const merge = { basis, again: mergeWith };
    const merged = mergeEvent(basis, prepared.event, {
      hostOrg: deps.hostOrg,
      internal: peer.internal,
    });
    merged.changes.skipped.push(...prepared.skipped);
    if (!merged.event) {
      return {
        result: {
          uuid,
          status: merged.status,
          reason: merged.reason,
          info,
          changes: merged.changes,
        },
        merge,
      };
    }
    if (merged.status === "updated") {
      const problem = refusedByValidation(merged.event, { checks: deps.checks, now: deps.now });
      if (problem) return await quarantine(`the merged event would not store: ${problem}`, info);
    }
    return {
      result: { uuid, status: merged.status, reason: merged.reason, info, changes: merged.changes },
      store: merged.event,
      merge,
    };
  };
  return await mergeWith(local);
}

/**
 * Writes what `outcomes` would store through `store.update`, so the read of each local copy and
 * the write of its merge happen under one write lock: where the local copy changed since it was
 * merged (another pass, an editor), the merge is made again with the current copy and its outcome
 * replaces the first one. Returns the final outcome of each, in order.
 */
export async function storeOutcomes(
  store: EventStore,
  outcomes: readonly { uuid: string; outcome: ProcessOutcome }[],
): Promise<ProcessOutcome[]> {
  const final = outcomes.map(({ outcome }) => outcome);
  const pending = outcomes.map((item, index) => ({ ...item, index }))
    .filter(({ outcome }) => outcome.store !== undefined);
  if (pending.length === 0) return final;
  await store.update(pending.map(({ uuid }) => uuid), async (current) => {
    const write: MispEvent[] = [];
    for (const { uuid, outcome, index } of pending) {
      const now = current.get(uuid);
      const again = outcome.merge && !sameEvent(now, outcome.merge.basis)
        ? await outcome.merge.again(now)
        : outcome;
      final[index] = again;
      if (again.store) write.push(again.store);
    }
    return write;
  });
  return final;
}

function sameEvent(a: MispEvent | undefined, b: MispEvent | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.timestamp === b.timestamp && formatEventDocument(a) === formatEventDocument(b);
}
