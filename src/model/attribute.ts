/**
 * @module
 * Attribute: one indicator or piece of context (misp-behaviour.md §4.1). Top-level attributes live in
 * `Event.Attribute[]`; object attributes in `Object.Attribute[]` and carry an `object_relation`.
 */
import * as v from "valibot";
import { GalaxySchema } from "./galaxy.ts";
import { ProposalSchema } from "./proposal.ts";
import { booleanFields, stringFields } from "./scalars.ts";
import { SharingGroupSchema } from "./sharing_group.ts";
import { TagSchema } from "./tag.ts";

/** Schema of an attribute; unknown keys (Sighting, RelatedAttribute, …) are kept as given. */
export const AttributeSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "event_id",
      "object_id",
      "object_relation",
      "uuid",
      "category",
      "type",
      "value",
      "value1",
      "value2",
      "comment",
      "distribution",
      "sharing_group_id",
      "timestamp",
      "first_seen",
      "last_seen",
      "data",
      "event_uuid",
    ] as const,
  ),
  ...booleanFields(["to_ids", "deleted", "disable_correlation"] as const),
  Tag: v.optional(v.array(TagSchema)),
  Galaxy: v.optional(v.array(GalaxySchema)),
  ShadowAttribute: v.optional(v.array(ProposalSchema)),
  SharingGroup: v.optional(SharingGroupSchema),
});

/** An attribute. */
export type Attribute = v.InferOutput<typeof AttributeSchema>;
