/**
 * @module
 * Tag as it appears in event JSON (`Event.Tag[]`, `Attribute.Tag[]`). Names are stored byte-exact.
 */
import * as v from "valibot";
import { booleanFields, stringFields } from "./scalars.ts";

/** Schema of a tag inside an event; unknown keys are kept. */
export const TagSchema = v.looseObject({
  ...stringFields(["id", "name", "colour", "relationship_type", "user_id", "org_id"] as const),
  ...booleanFields(
    ["exportable", "hide_tag", "local", "is_galaxy", "is_custom_galaxy", "local_only"] as const,
  ),
  numerical_value: v.optional(v.nullable(v.union([v.string(), v.number()]))),
});

/** A tag inside an event. */
export type Tag = v.InferOutput<typeof TagSchema>;
