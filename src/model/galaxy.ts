/**
 * @module
 * Galaxy and GalaxyCluster as MISP embeds them in events (`Event.Galaxy[]`, `Attribute.Galaxy[]`).
 * They are derived from `misp-galaxy:` tags; kura keeps them as given and never trusts them for access.
 */
import * as v from "valibot";
import { booleanFields, stringFields } from "./scalars.ts";

/** Schema of a galaxy cluster inside an event. */
export const GalaxyClusterSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "uuid",
      "collection_uuid",
      "type",
      "value",
      "tag_name",
      "description",
      "galaxy_id",
      "source",
      "version",
      "distribution",
      "sharing_group_id",
      "org_id",
      "orgc_id",
      "extends_uuid",
      "extends_version",
      "tag_id",
      "event_tag_id",
      "attribute_tag_id",
      "relationship_type",
    ] as const,
  ),
  ...booleanFields(["default", "locked", "published", "deleted", "local"] as const),
});

/** Schema of a galaxy inside an event. */
export const GalaxySchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "uuid",
      "name",
      "type",
      "description",
      "version",
      "icon",
      "namespace",
    ] as const,
  ),
  GalaxyCluster: v.optional(v.array(GalaxyClusterSchema)),
});

/** A galaxy inside an event. */
export type Galaxy = v.InferOutput<typeof GalaxySchema>;
/** A galaxy cluster inside an event. */
export type GalaxyCluster = v.InferOutput<typeof GalaxyClusterSchema>;
