/**
 * @module
 * Organisations, sharing groups and access contexts for access and feed tests.
 */
import type { AccessContext } from "../../src/access/mod.ts";
import type { SharingGroup } from "../../src/model/mod.ts";
import { uuidN } from "./sample_events.ts";

/** Org uuid number `n`. */
export function orgN(n: number): string {
  return uuidN(n, "0a0a0a0a");
}

/** Sharing group uuid number `n`. */
export function groupN(n: number): string {
  return uuidN(n, "5a5a5a5a");
}

/** A sharing group `n` whose members are the orgs numbered `members`. */
export function sampleGroup(n: number, members: readonly number[]): SharingGroup {
  return {
    uuid: groupN(n),
    name: `Sharing group ${n}`,
    releasability: `secret releasability text ${n}`,
    description: `secret description ${n}`,
    roaming: true,
    created: "2024-01-01 00:00:00",
    organisation_uuid: orgN(members[0] ?? 0),
    Organisation: { name: `Org ${members[0] ?? 0}`, uuid: orgN(members[0] ?? 0) },
    SharingGroupOrg: members.map((m) => ({
      id: String(m),
      extend: false,
      Organisation: { id: String(m), name: `Org ${m}`, uuid: orgN(m) },
    })),
    SharingGroupServer: [],
  };
}

/** An access context holding `groups`, host org = org 1. */
export function contextWith(...groups: SharingGroup[]): AccessContext {
  return { hostOrg: orgN(1), sharingGroups: new Map(groups.map((g) => [g.uuid!, g])) };
}
