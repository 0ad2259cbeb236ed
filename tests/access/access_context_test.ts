import { deepEqual, equal } from "node:assert/strict";
import { resolveSharingGroup, sharingGroupMembers } from "../../src/access/mod.ts";
import { contextWith, groupN, orgN, sampleGroup } from "../support/sharing_groups.ts";

const known = sampleGroup(1, [1, 2]);
const context = contextWith(known);

Deno.test("resolveSharingGroup() prefers this instance's copy of the named group", () => {
  equal(resolveSharingGroup({ SharingGroup: { uuid: groupN(1), name: "forged" } }, context), known);
  equal(resolveSharingGroup({ SharingGroup: { uuid: groupN(1).toUpperCase() } }, context), known);
});

Deno.test("resolveSharingGroup() falls back to the embedded group, and is undefined without a uuid", () => {
  const embedded = sampleGroup(2, [3]);
  equal(resolveSharingGroup({ SharingGroup: embedded }, context), embedded);
  equal(resolveSharingGroup({ SharingGroup: { name: "no uuid" } }, context), undefined);
  equal(resolveSharingGroup({}, context), undefined);
});

Deno.test("sharingGroupMembers() lists member org uuids in lower case and skips members without one", () => {
  const group = {
    ...sampleGroup(3, []),
    SharingGroupOrg: [
      { Organisation: { uuid: orgN(1).toUpperCase() } },
      { Organisation: { name: "no uuid" } },
      { extend: true },
    ],
  };
  deepEqual([...sharingGroupMembers(group)], [orgN(1)]);
});
