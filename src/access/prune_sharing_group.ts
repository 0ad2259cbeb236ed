/**
 * @module
 * The part of a sharing group that may travel with data distributed to it: identity, owner and
 * members by name and uuid, as PyMISP's feed generator and MISP's sync send it (misp-behaviour.md
 * §3.2 `with_distribution`). Local ids, descriptions and releasability text stay here.
 */
import type { Org, SharingGroup } from "../model/mod.ts";

/**
 * A new sharing group holding only `uuid, name, roaming, created, organisation_uuid,
 * Organisation{name,uuid}, SharingGroupOrg[{extend, Organisation{name,uuid}}],
 * SharingGroupServer[{all_orgs, Server{url,name}}]`.
 */
export function pruneSharingGroup(group: SharingGroup): SharingGroup {
  const pruned: SharingGroup = {};
  if (group.uuid != null) pruned.uuid = group.uuid.toLowerCase();
  if (group.name != null) pruned.name = group.name;
  if (group.roaming !== undefined) pruned.roaming = group.roaming;
  if (group.created != null) pruned.created = group.created;
  if (group.organisation_uuid != null) pruned.organisation_uuid = group.organisation_uuid;
  if (group.Organisation) pruned.Organisation = nameAndUuid(group.Organisation);
  if (group.SharingGroupOrg) {
    pruned.SharingGroupOrg = group.SharingGroupOrg.map((member) => {
      const out: NonNullable<SharingGroup["SharingGroupOrg"]>[number] = {};
      if (member.extend !== undefined) out.extend = member.extend;
      if (member.Organisation) out.Organisation = nameAndUuid(member.Organisation);
      return out;
    });
  }
  if (group.SharingGroupServer) {
    pruned.SharingGroupServer = group.SharingGroupServer.map((row) => {
      const out: NonNullable<SharingGroup["SharingGroupServer"]>[number] = {};
      if (row.all_orgs !== undefined) out.all_orgs = row.all_orgs;
      if (row.Server) {
        const server: { url?: string | null; name?: string | null } = {};
        if (row.Server.url != null) server.url = row.Server.url;
        if (row.Server.name != null) server.name = row.Server.name;
        out.Server = server;
      }
      return out;
    });
  }
  return pruned;
}

function nameAndUuid(org: Org): Org {
  const out: Org = {};
  if (org.name != null) out.name = org.name;
  if (org.uuid != null) out.uuid = org.uuid;
  return out;
}
