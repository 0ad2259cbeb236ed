/**
 * @module
 * Event report: a Markdown write-up attached to an event, with its own distribution.
 */
import * as v from "valibot";
import { booleanFields, stringFields } from "./scalars.ts";
import { SharingGroupSchema } from "./sharing_group.ts";

/** Schema of an event report; unknown keys are kept. */
export const EventReportSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "uuid",
      "event_id",
      "name",
      "content",
      "distribution",
      "sharing_group_id",
      "timestamp",
    ] as const,
  ),
  ...booleanFields(["deleted"] as const),
  SharingGroup: v.optional(SharingGroupSchema),
});

/** An event report. */
export type EventReport = v.InferOutput<typeof EventReportSchema>;
