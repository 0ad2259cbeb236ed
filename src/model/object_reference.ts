/**
 * @module
 * ObjectReference: a typed edge from an object to an attribute or object (misp-behaviour.md §6).
 * Feed-format events omit `object_uuid` (implied by the parent); older exports say `source_uuid`.
 */
import * as v from "valibot";
import { booleanFields, stringFields } from "./scalars.ts";

/** Schema of an object reference; the embedded target summary (`Attribute`/`Object`) is kept as given. */
export const ObjectReferenceSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "uuid",
      "timestamp",
      "object_id",
      "object_uuid",
      "source_uuid",
      "referenced_uuid",
      "referenced_id",
      "referenced_type",
      "relationship_type",
      "comment",
      "event_id",
    ] as const,
  ),
  ...booleanFields(["deleted"] as const),
});

/** An object reference. */
export type ObjectReference = v.InferOutput<typeof ObjectReferenceSchema>;
