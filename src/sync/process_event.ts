/**
 * @module
 * What happens to one fetched event file: the checks (else quarantine with a receipt), the pull
 * transforms, the merge with the local copy, validation of what would be stored (else quarantine),
 * and hands back what to write through the store. Shared by the pull pass, `peers fetch` and quarantine retry.
 */
import type { PeerConfig } from "../config/mod.ts";
import { type EventResult, mergeEvent, prepareIncoming } from "../merge/mod.ts";
import type { MispEvent } from "../model/mod.ts";
import type { EventStore, QuarantineStore } from "../store/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import { checkFetchedEvent, refusedByValidation } from "./check_fetched_event.ts";

/** What {@link processFetchedEvent} uses. */
export interface ProcessDeps {
  readonly store: EventStore;
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
  const merged = mergeEvent(local, prepared.event, {
    hostOrg: deps.hostOrg,
    internal: peer.internal,
  });
  merged.changes.skipped.push(...prepared.skipped);
  if (!merged.event) {
    return {
      result: { uuid, status: merged.status, reason: merged.reason, info, changes: merged.changes },
    };
  }
  if (merged.status === "updated") {
    const problem = refusedByValidation(merged.event, { checks: deps.checks, now: deps.now });
    if (problem) return await quarantine(`the merged event would not store: ${problem}`, info);
  }
  return {
    result: { uuid, status: merged.status, reason: merged.reason, info, changes: merged.changes },
    store: merged.event,
  };
}
