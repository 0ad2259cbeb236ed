/**
 * @module
 * Which manifest entries to download, as MISP's `Feed::getNewEventUuids` and `Server::removeOlderEvents`
 * decide it (misp-behaviour.md §2.3 step 4, §3.3 step 2): unknown uuid → add; known with an older
 * local timestamp → update; else nothing to fetch. Entries blocked by the blocklist, excluded by
 * rules, by org authority or because the local copy was created here are decided without any
 * download.
 */
import type { PeerRules } from "../config/mod.ts";
import type { Blocklist } from "../model/mod.ts";
import { blockedReason } from "./blocked.ts";
import { type AuthorityPolicy, refusedAuthority } from "./authority.ts";
import type { ManifestEntry } from "./manifest.ts";
import { excludedByRules } from "./pull_rules.ts";

/** What is known of the local copy of an event. */
export interface LocalSummary {
  readonly timestamp: number;
  readonly orgc?: string;
  /** True for a copy received from a peer (MISP's `locked`). */
  readonly locked: boolean;
}

/** The decision for one manifest entry. */
export type PullDecision =
  | { readonly fetch: true; readonly kind: "add" | "update" }
  | { readonly fetch: false; readonly status: "unchanged" | "rejected"; readonly reason: string };

/** Options of {@link decidePull}. */
export interface PlanOptions extends AuthorityPolicy {
  readonly peer: string;
  readonly rules: PeerRules;
  /** Epoch seconds, for age-based rules. */
  readonly now: number;
  /** Events and creator orgs never taken (default none). */
  readonly blocklist?: Blocklist;
}

/** Decides whether `entry` is fetched, given the local copy (undefined when there is none). */
export function decidePull(
  entry: ManifestEntry,
  local: LocalSummary | undefined,
  options: PlanOptions,
): PullDecision {
  const blocked = options.blocklist && blockedReason(entry, options.blocklist);
  if (blocked) return { fetch: false, status: "rejected", reason: blocked };
  const excluded = excludedByRules(entry, options.rules, { now: options.now });
  if (excluded) return { fetch: false, status: "rejected", reason: excluded };
  const refused = refusedAuthority(entry.orgc, options.peer, options);
  if (refused) return { fetch: false, status: "rejected", reason: refused };
  if (local === undefined) return { fetch: true, kind: "add" };
  const localProblem = refusedLocalCopy(local, options);
  if (localProblem) return { fetch: false, status: "rejected", reason: localProblem };
  if (local.timestamp < entry.timestamp) return { fetch: true, kind: "update" };
  return {
    fetch: false,
    status: "unchanged",
    reason: `local copy is as new or newer (timestamp ${local.timestamp} >= ${entry.timestamp})`,
  };
}

/**
 * Why a peer may not change this local copy (misp-behaviour.md §2.6 "Authorisation", §2.7): it was
 * created here (host org), or it is not a synced copy (`locked` false) and the link is not internal.
 */
export function refusedLocalCopy(
  local: { orgc?: string; locked: boolean },
  options: { hostOrg?: string; internal: boolean },
): string | undefined {
  if (options.hostOrg !== undefined && local.orgc === options.hostOrg) {
    return "the event was created on this instance; a peer can never modify it";
  }
  if (!local.locked && !options.internal) {
    return "the local copy is not a synced copy (locked is false); blocked an edit to an event created locally";
  }
  return undefined;
}
