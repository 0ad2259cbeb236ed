/**
 * @module
 * The blocklist in pull decisions, as MISP applies its event and organisation blocklists
 * (misp-behaviour.md §2.3 step 4: blocked uuids and orgs are dropped before any download; §2.6: a
 * new event whose uuid or creator org is blocked is refused).
 */
import type { Blocklist } from "../model/mod.ts";

/** Why event `uuid` or its creator org (`orgc.uuid`) is blocked, or undefined when neither is. */
export function blockedReason(
  event: { readonly uuid: string; readonly orgc?: { readonly uuid?: string | null } | null },
  blocklist: Blocklist,
): string | undefined {
  const blockedEvent = blocklist.events.get(event.uuid.toLowerCase());
  if (blockedEvent !== undefined) {
    return `blocked by the event blocklist (blocklist.json)${
      blockedEvent.comment ? `: ${blockedEvent.comment}` : ""
    }`;
  }
  const orgc = event.orgc?.uuid?.toLowerCase();
  const blockedOrg = orgc === undefined ? undefined : blocklist.orgs.get(orgc);
  if (blockedOrg !== undefined) {
    const who = blockedOrg.name ? `"${blockedOrg.name}" (${orgc})` : orgc;
    return `events of organisation ${who} are blocked by the organisation blocklist (blocklist.json)${
      blockedOrg.comment ? `: ${blockedOrg.comment}` : ""
    }`;
  }
  return undefined;
}
