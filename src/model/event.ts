/**
 * @module
 * MISP event (misp-behaviour.md §5) and its file form `{"Event": {...}}`.
 */
import * as v from "valibot";
import { AttributeSchema } from "./attribute.ts";
import { EventReportSchema } from "./event_report.ts";
import { GalaxySchema } from "./galaxy.ts";
import { MispObjectSchema } from "./misp_object.ts";
import { OrgSchema } from "./org.ts";
import { ProposalSchema } from "./proposal.ts";
import { booleanFields, stringFields } from "./scalars.ts";
import { SharingGroupSchema } from "./sharing_group.ts";
import { TagSchema } from "./tag.ts";

/** Schema of an event; unknown keys (RelatedEvent, Sighting, analyst data, …) are kept as given. */
export const EventSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "uuid",
      "info",
      "date",
      "threat_level_id",
      "analysis",
      "distribution",
      "sharing_group_id",
      "timestamp",
      "publish_timestamp",
      "sighting_timestamp",
      "org_id",
      "orgc_id",
      "user_id",
      "attribute_count",
      "extends_uuid",
      "event_creator_email",
    ] as const,
  ),
  ...booleanFields(
    [
      "published",
      "locked",
      "proposal_email_lock",
      "disable_correlation",
      "protected",
    ] as const,
  ),
  Org: v.optional(OrgSchema),
  Orgc: v.optional(OrgSchema),
  SharingGroup: v.optional(SharingGroupSchema),
  Tag: v.optional(v.array(TagSchema)),
  Attribute: v.optional(v.array(AttributeSchema)),
  Object: v.optional(v.array(MispObjectSchema)),
  ShadowAttribute: v.optional(v.array(ProposalSchema)),
  EventReport: v.optional(v.array(EventReportSchema)),
  Galaxy: v.optional(v.array(GalaxySchema)),
});

/** A MISP event. */
export type MispEvent = v.InferOutput<typeof EventSchema>;

/** Schema of an event file: exactly one `Event` key at the root. */
export const EventDocumentSchema = v.looseObject({ Event: EventSchema });

/** An event file's content. */
export interface EventDocument {
  Event: MispEvent;
}
