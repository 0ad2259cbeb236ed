/**
 * @module
 * MISP object: attributes grouped by a template (misp-behaviour.md §6).
 */
import * as v from "valibot";
import { AttributeSchema } from "./attribute.ts";
import { ObjectReferenceSchema } from "./object_reference.ts";
import { booleanFields, stringFields } from "./scalars.ts";
import { SharingGroupSchema } from "./sharing_group.ts";
import { TagSchema } from "./tag.ts";

/** Schema of an object; unknown keys are kept. */
export const MispObjectSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "uuid",
      "name",
      "meta-category",
      "description",
      "template_uuid",
      "template_version",
      "event_id",
      "timestamp",
      "distribution",
      "sharing_group_id",
      "comment",
      "first_seen",
      "last_seen",
    ] as const,
  ),
  ...booleanFields(["deleted"] as const),
  Attribute: v.optional(v.array(AttributeSchema)),
  ObjectReference: v.optional(v.array(ObjectReferenceSchema)),
  SharingGroup: v.optional(SharingGroupSchema),
  Tag: v.optional(v.array(TagSchema)),
});

/** A MISP object (named MispObject to keep clear of JavaScript's Object). */
export type MispObject = v.InferOutput<typeof MispObjectSchema>;
