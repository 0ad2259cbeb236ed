/**
 * @module
 * What the access rules need to know about this instance: its organisation and the sharing groups of
 * its data folder. A `RecordRegistry` from `store/` has this shape and can be passed as is.
 */
import { isUuid, type SharingGroup } from "../model/mod.ts";

/** The instance facts the visibility rules depend on. */
export interface AccessContext {
  /** Sharing groups known to this instance (`data/sharing-groups/`), by lower-case uuid. */
  readonly sharingGroups: ReadonlyMap<string, SharingGroup>;
  /** uuid of this instance's own organisation, when known. */
  readonly hostOrg?: string;
}

/**
 * The sharing group an element is distributed to: this instance's copy of the group named by the
 * element's embedded `SharingGroup.uuid`, else the embedded copy itself, else undefined. Elements are
 * matched by uuid only: `sharing_group_id` is an instance-local number that means nothing across
 * instances (misp-behaviour.md §1.4), so an element naming its group only by id has no known group
 * and is shown to nobody outside this organisation.
 */
export function resolveSharingGroup(
  element: { readonly SharingGroup?: SharingGroup | null },
  context: AccessContext,
): SharingGroup | undefined {
  const embedded = element.SharingGroup ?? undefined;
  const uuid = embedded?.uuid;
  if (!isUuid(uuid)) return undefined;
  return context.sharingGroups.get(uuid.toLowerCase()) ?? embedded;
}

const membersCache = new WeakMap<SharingGroup, ReadonlySet<string>>();

/**
 * The lower-case uuids of a sharing group's member organisations (`SharingGroupOrg[].Organisation`).
 * Membership is by uuid, as MISP checks it before pushing sharing-group data to another instance
 * (misp-behaviour.md §1.4, `__prepareForPushToServer`); server rows (`all_orgs`) speak about the orgs
 * of an instance, not about a remote reader, so they grant nothing here.
 */
export function sharingGroupMembers(group: SharingGroup): ReadonlySet<string> {
  let members = membersCache.get(group);
  if (members === undefined) {
    const found = new Set<string>();
    for (const member of group.SharingGroupOrg ?? []) {
      const uuid = member?.Organisation?.uuid;
      if (isUuid(uuid)) found.add(uuid.toLowerCase());
    }
    members = found;
    membersCache.set(group, members);
  }
  return members;
}
