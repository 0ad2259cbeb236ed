/**
 * @module
 * Proposal (MISP ShadowAttribute, misp-behaviour.md §7): a suggested new attribute, edit or deletion
 * awaiting the owner's decision. Carried in events and kept in `data/proposals/<uuid>.json`.
 */
import * as v from "valibot";
import { OrgSchema } from "./org.ts";
import { booleanFields, stringFields } from "./scalars.ts";

/** Schema of a proposal; unknown keys are kept. */
export const ProposalSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "old_id",
      "event_id",
      "event_uuid",
      "event_org_id",
      "type",
      "category",
      "value",
      "value1",
      "value2",
      "uuid",
      "org_id",
      "email",
      "comment",
      "timestamp",
      "first_seen",
      "last_seen",
      "data",
    ] as const,
  ),
  ...booleanFields(["to_ids", "deleted", "proposal_to_delete", "disable_correlation"] as const),
  Org: v.optional(OrgSchema),
});

/** A proposal (shadow attribute). */
export type Proposal = v.InferOutput<typeof ProposalSchema>;

/** Schema of a proposal file `{"ShadowAttribute": {...}}`. */
export const ProposalDocumentSchema = v.looseObject({ ShadowAttribute: ProposalSchema });
