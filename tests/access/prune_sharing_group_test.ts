import { deepEqual } from "node:assert/strict";
import { pruneSharingGroup } from "../../src/access/mod.ts";
import { groupN, orgN, sampleGroup } from "../support/sharing_groups.ts";

Deno.test("pruneSharingGroup() keeps identity and members by name and uuid, nothing local", () => {
  const group = {
    ...sampleGroup(1, [1, 2]),
    id: "4",
    org_id: "1",
    sync_user_id: "9",
    active: true,
    local: true,
    modified: "2024-02-01 00:00:00",
    SharingGroupServer: [{
      id: "1",
      server_id: "0",
      all_orgs: false,
      Server: { id: "0", url: "https://misp.example", name: "Us" },
    }],
  };
  deepEqual(pruneSharingGroup(group), {
    uuid: groupN(1),
    name: "Sharing group 1",
    roaming: true,
    created: "2024-01-01 00:00:00",
    organisation_uuid: orgN(1),
    Organisation: { name: "Org 1", uuid: orgN(1) },
    SharingGroupOrg: [
      { extend: false, Organisation: { name: "Org 1", uuid: orgN(1) } },
      { extend: false, Organisation: { name: "Org 2", uuid: orgN(2) } },
    ],
    SharingGroupServer: [{ all_orgs: false, Server: { url: "https://misp.example", name: "Us" } }],
  });
});
