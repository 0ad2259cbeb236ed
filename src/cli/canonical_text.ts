/**
 * @module
 * The canonical text of any data file, by its kind (events, organisations, sharing groups,
 * proposals, the blocklist): what `kura fmt` writes and what `kura merge-file` writes after a merge.
 */
import * as v from "valibot";
import {
  BlocklistDocumentSchema,
  formatBlocklistDocument,
  formatEventDocument,
  OrgDocumentSchema,
  parseEventDocument,
  ProposalDocumentSchema,
  SharingGroupDocumentSchema,
  stringifyCanonical,
} from "../model/mod.ts";
import { recordKindOf } from "../store/mod.ts";

/** The canonical text of `value` read from data file `path`; undefined when its shape is wrong. */
export function canonicalText(path: string, value: unknown): string | undefined {
  switch (recordKindOf(path)) {
    case "event": {
      const parsed = parseEventDocument(value);
      return parsed.event ? formatEventDocument(parsed.event) : undefined;
    }
    case "org":
      return canonicalRecord(OrgDocumentSchema, value);
    case "sharing-group":
      return canonicalRecord(SharingGroupDocumentSchema, value);
    case "proposal":
      return canonicalRecord(ProposalDocumentSchema, value);
    case "blocklist": {
      const parsed = v.safeParse(BlocklistDocumentSchema, value);
      return parsed.success ? formatBlocklistDocument(parsed.output) : undefined;
    }
  }
}

function canonicalRecord(schema: v.GenericSchema, value: unknown): string | undefined {
  const parsed = v.safeParse(schema, value);
  return parsed.success ? stringifyCanonical(parsed.output) : undefined;
}
