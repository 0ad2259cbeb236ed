/**
 * @module
 * Pulling one event by uuid (MISP's "fetch one", misp-behaviour.md §2.8): it bypasses the pull rules
 * as MISP does, but not the checks: uuid, org authority, validation and the merge rules all apply,
 * and what fails goes to the quarantine.
 */
import type { PeerConfig } from "../config/mod.ts";
import { blockedReason, type EventResult, parseManifest } from "../merge/mod.ts";
import { isCanonicalUuid } from "../model/mod.ts";
import type { PeerClient } from "./peer_client.ts";
import { type ProcessDeps, processFetchedEvent, storeOutcomes } from "./process_event.ts";
import { commitMessage } from "./commit_message.ts";
import { describeFailure, verifySignature } from "./pull_pass.ts";

/** The signed `integrity:sha256` of `uuid`'s file, or why there is none. */
async function signedHashOf(
  client: PeerClient,
  uuid: string,
  publicKey: string,
): Promise<string | { problem: string }> {
  const manifest = await client.manifest();
  if (manifest.notModified) return { problem: "the peer answered 304 without a condition" };
  await verifySignature(client, manifest.bytes, publicKey);
  const parsed = parseManifest(
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(manifest.bytes)),
  );
  const entry = parsed.entries.find((candidate) => candidate.uuid === uuid);
  if (entry === undefined) return { problem: "the event is not in the signed manifest" };
  if (entry.sha256 === undefined) {
    return {
      problem: "no integrity:sha256 in the signed manifest: the event file cannot be verified",
    };
  }
  return entry.sha256;
}

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
  let sha256: string | undefined;
  try {
    if (peer.publicKey !== undefined) {
      // A pinned key: the event's hash must come from the signed manifest.
      const signed = await signedHashOf(deps.client, uuid, peer.publicKey);
      if (typeof signed !== "string") return { uuid, status: "rejected", reason: signed.problem };
      sha256 = signed;
    }
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
    outcome: await processFetchedEvent(peer, { uuid, bytes, sha256 }, deps),
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
