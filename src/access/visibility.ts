/**
 * @module
 * The visibility predicate: may an audience see an element, given the element's own distribution
 * and sharing group? Rules from misp-behaviour.md §1.2 (read path) and §2.4–2.5 (what MISP pushes to
 * another instance), summarised in README "Feed audiences":
 *
 * | own level | public | org O | members of group G | internal |
 * |---|---|---|---|---|
 * | 0, 1 | no | no | no | yes |
 * | 2 | no | yes (sent as 1) | yes (sent as 1) | yes |
 * | 3 | yes | yes | yes | yes |
 * | 4 (group S) | no | O ∈ S | every member of G ∈ S | yes |
 * | 5 (child only) | yes | yes | yes | yes |
 * | missing, invalid, 5 on an event | no | no | no | yes |
 *
 * This is one gate; a child is visible only when it and every ancestor pass their own gates
 * (intersection, never min(): §1.2 and §13.4). Tags such as TLP grant and restrict nothing (§13.1).
 * Every event stored here is owned by this instance's organisation (MISP's `org_id`: the creator for
 * local events, the pulling org for synced ones, §1), so `internal` passes every gate by the owner
 * bypass. Everything unknown fails closed.
 */
import { type DistributionLevel, parseDistribution, type SharingGroup } from "../model/mod.ts";
import { type AccessContext, resolveSharingGroup, sharingGroupMembers } from "./access_context.ts";
import type { Audience } from "./audience.ts";

/** An element carrying its own distribution: an event, attribute, object or event report. */
export interface Distributed {
  readonly distribution?: string | null;
  readonly SharingGroup?: SharingGroup | null;
}

/** Whether the element is an event (levels 0–4) or a child (0–5, where 5 means "as the parent"). */
export type ElementLevel = "event" | "child";

/**
 * Whether `audience` passes `element`'s own distribution gate, ignoring its ancestors. A missing or
 * invalid distribution, and 5 on an event, pass only for `internal`; a sharing-group audience whose
 * group is unknown here or has no members passes no gate.
 */
export function passesOwnGate(
  element: Distributed,
  level: ElementLevel,
  audience: Audience,
  context: AccessContext,
): boolean {
  if (audience.kind === "internal") return true;
  // Readers who cannot be named get nothing, not even level 3: a definition error must not serve.
  if (
    audience.kind === "sharing-group" &&
    audienceMembers(audience.sharingGroup, context) === undefined
  ) return false;
  const distribution = parseDistribution(element.distribution);
  if (distribution === undefined) return false;
  if (distribution === 5) return level === "child";
  if (distribution === 4) {
    const group = resolveSharingGroup(element, context);
    return group !== undefined && canSeeSharingGroup(group, audience, context);
  }
  return levelReaches(distribution, audience);
}

/** Whether a level 0–3 reaches a non-internal audience: 3 reaches anyone, 2 reaches other orgs. */
function levelReaches(distribution: DistributionLevel, audience: Audience): boolean {
  if (distribution === 3) return true;
  if (distribution === 2) return audience.kind === "org" || audience.kind === "sharing-group";
  return audience.kind === "internal";
}

/**
 * Whether `audience` may see sharing group `group` — both its metadata (name, members) and the
 * data distributed to it. An org must be a listed member (MISP's push rule, §1.4); a sharing-group
 * audience must have every one of its members listed in `group` (each member reads the feed); an
 * audience group unknown to this instance, or with no members, sees no group. `public` never does.
 */
export function canSeeSharingGroup(
  group: SharingGroup,
  audience: Audience,
  context: AccessContext,
): boolean {
  switch (audience.kind) {
    case "internal":
      return true;
    case "public":
      return false;
    case "org":
      return sharingGroupMembers(group).has(audience.org.toLowerCase());
    case "sharing-group": {
      const readers = audienceMembers(audience.sharingGroup, context);
      if (readers === undefined) return false;
      const members = sharingGroupMembers(group);
      for (const reader of readers) if (!members.has(reader)) return false;
      return true;
    }
  }
}

/**
 * The member orgs of an audience sharing group, from this instance's own copy only (a feed's readers
 * are never decided by data found inside events); undefined when unknown or empty, which fails closed.
 */
export function audienceMembers(
  uuid: string,
  context: AccessContext,
): ReadonlySet<string> | undefined {
  const group = context.sharingGroups.get(uuid.toLowerCase());
  if (group === undefined) return undefined;
  const members = sharingGroupMembers(group);
  return members.size === 0 ? undefined : members;
}
