/**
 * @module
 * Organisation as embedded in MISP JSON (`Org`, `Orgc`, `Organisation`) and as kept in `data/orgs/<uuid>.json`.
 */
import * as v from "valibot";
import { booleanFields, stringFields } from "./scalars.ts";

/** Schema of an organisation; unknown keys are kept. */
export const OrgSchema = v.looseObject({
  ...stringFields(
    [
      "id",
      "name",
      "uuid",
      "description",
      "type",
      "nationality",
      "sector",
      "contacts",
      "created_by",
      "date_created",
      "date_modified",
    ] as const,
  ),
  ...booleanFields(["local"] as const),
});

/** An organisation. */
export type Org = v.InferOutput<typeof OrgSchema>;

/** Schema of an organisation file `{"Organisation": {...}}`. */
export const OrgDocumentSchema = v.looseObject({ Organisation: OrgSchema });
