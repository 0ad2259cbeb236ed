/**
 * @module
 * Sharing group with its member organisations and servers (misp-behaviour.md §1.4), as embedded in
 * events and as kept in `data/sharing-groups/<uuid>.json`.
 */
import * as v from "valibot";
import { OrgSchema } from "./org.ts";
import { booleanFields, stringFields } from "./scalars.ts";

/** Schema of a server entry of a sharing group. */
export const SharingGroupServerSchema = v.looseObject({
  ...stringFields(["id", "sharing_group_id", "server_id"] as const),
  ...booleanFields(["all_orgs"] as const),
  Server: v.optional(v.looseObject({ ...stringFields(["id", "url", "name"] as const) })),
});

/** Schema of an organisation entry of a sharing group. */
export const SharingGroupOrgSchema = v.looseObject({
  ...stringFields(["id", "sharing_group_id", "org_id"] as const),
  ...booleanFields(["extend"] as const),
  Organisation: v.optional(OrgSchema),
});

/** Schema of a sharing group; unknown keys are kept. */
export const SharingGroupSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "uuid",
      "name",
      "releasability",
      "description",
      "organisation_uuid",
      "org_id",
      "sync_user_id",
      "created",
      "modified",
    ] as const,
  ),
  ...booleanFields(["active", "local", "roaming"] as const),
  Organisation: v.optional(OrgSchema),
  SharingGroupOrg: v.optional(v.array(SharingGroupOrgSchema)),
  SharingGroupServer: v.optional(v.array(SharingGroupServerSchema)),
});

/** A sharing group. */
export type SharingGroup = v.InferOutput<typeof SharingGroupSchema>;
/** One member organisation of a sharing group. */
export type SharingGroupOrg = v.InferOutput<typeof SharingGroupOrgSchema>;
/** One server entry of a sharing group. */
export type SharingGroupServer = v.InferOutput<typeof SharingGroupServerSchema>;

/** Schema of a sharing group file `{"SharingGroup": {...}}`. */
export const SharingGroupDocumentSchema = v.looseObject({ SharingGroup: SharingGroupSchema });
