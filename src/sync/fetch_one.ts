/**
 * @module
 * Pulling one event by uuid (MISP's "fetch one", misp-behaviour.md §2.8): it bypasses the pull rules
 * as MISP does, but not the checks: uuid, org authority, validation and the merge rules all apply,
 * and what fails goes to the quarantine.
 */
import type { PeerConfig } from "../config/mod.ts";
import { blockedReason, type EventResult } from "../merge/mod.ts";
import { isCanonicalUuid } from "../model/mod.ts";
import type { PeerClient } from "./peer_client.ts";
import { type ProcessDeps, processFetchedEvent, storeOutcomes } from "./process_event.ts";
import { commitMessage } from "./commit_message.ts";
import { describeFailure } from "./pull_pass.ts";

/** What {@link fetchOne} uses. */
export interface FetchOneDeps extends Omit<ProcessDeps, "local"> {
  readonly client: PeerClient;
  /** File path of a stored event (what gets committed). */
  readonly pathOf?: (uuid: string) => string;
  readonly commit?: (files: string[], message: string) => Promise<string | undefined>;
}

/** Fetches, checks, merges and stores event `uuid` of `peer`; never throws for peer problems. */
export async function fetchOne(
  peer: PeerConfig,
  uuid: string,
  deps: FetchOneDeps,
): Promise<EventResult & { commit?: string }> {
  if (!isCanonicalUuid(uuid)) {
    return { uuid, status: "rejected", reason: `"${uuid}" is not a lower-case uuid` };
  }
  // MISP's fetch-one bypasses the pull rules, not the blocklist.
  const blocked = deps.blocklist && blockedReason({ uuid }, deps.blocklist);
  if (blocked) return { uuid, status: "rejected", reason: blocked };
  let bytes: Uint8Array;
  try {
    bytes = await deps.client.event(uuid);
  } catch (cause) {
    return {
      uuid,
      status: "rejected",
      reason: `could not fetch the event (${describeFailure(cause)})`,
    };
  } finally {
    deps.client.closeIdle();
  }
  const [outcome] = await storeOutcomes(deps.store, [{
    uuid,
    outcome: await processFetchedEvent(peer, { uuid, bytes }, deps),
  }]);
  let commit: string | undefined;
  if (outcome!.store) {
    const path = deps.pathOf?.(uuid);
    if (path && deps.commit) {
      commit = await deps.commit([path], commitMessage(peer.name, [outcome!.result]));
    }
  }
  return { ...outcome!.result, commit };
}
