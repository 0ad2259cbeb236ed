/**
 * @module
 * Validation of the other record files of a data folder: organisations (`orgs/<uuid>.json`), sharing
 * groups (`sharing-groups/<uuid>.json`) and proposals (`proposals/<uuid>.json`).
 */
import * as v from "valibot";
import {
  childPath,
  error,
  type Issue,
  OrgDocumentSchema,
  ProposalDocumentSchema,
  SharingGroupDocumentSchema,
} from "../model/mod.ts";
import { isAttributeType } from "../catalog/mod.ts";
import { checkSharingGroup } from "./event_rules.ts";
import { checkTimestamp, checkUuid, isFilled, type RuleContext } from "./field_rules.ts";
import { checkValue } from "./check_value.ts";

/** The kinds of record files in a data folder, named after their folders (and `blocklist.json`). */
export type RecordKind = "event" | "org" | "sharing-group" | "proposal" | "blocklist";

/** A record's uuid when its shape is sound, and every issue found. */
export interface RecordVerdict {
  readonly uuid?: string;
  readonly issues: Issue[];
}

/** Validates the content of an `orgs/<uuid>.json` file. */
export function validateOrgDocument(json: unknown): RecordVerdict {
  const parsed = v.safeParse(OrgDocumentSchema, json);
  if (!parsed.success) return shapeFailure(parsed.issues, "Organisation");
  const ctx: RuleContext = { issues: [] };
  const org = parsed.output.Organisation;
  checkUuid(ctx, "Organisation", org.uuid, "org", { required: true });
  if (!isFilled(org.name)) {
    ctx.issues.push(error("org.name.missing", "Organisation.name", "The organisation has no name"));
  }
  return { uuid: org.uuid ?? undefined, issues: ctx.issues };
}

/** Validates the content of a `sharing-groups/<uuid>.json` file. */
export function validateSharingGroupDocument(json: unknown): RecordVerdict {
  const parsed = v.safeParse(SharingGroupDocumentSchema, json);
  if (!parsed.success) return shapeFailure(parsed.issues, "SharingGroup");
  const ctx: RuleContext = { issues: [] };
  const group = parsed.output.SharingGroup;
  checkSharingGroup(ctx, "SharingGroup", group);
  if (!isFilled(group.name)) {
    ctx.issues.push(
      error("sharing_group.name.missing", "SharingGroup.name", "The sharing group has no name"),
    );
  }
  return { uuid: group.uuid ?? undefined, issues: ctx.issues };
}

/** Validates the content of a `proposals/<uuid>.json` file. */
export function validateProposalDocument(json: unknown): RecordVerdict {
  const parsed = v.safeParse(ProposalDocumentSchema, json);
  if (!parsed.success) return shapeFailure(parsed.issues, "ShadowAttribute");
  const ctx: RuleContext = { issues: [] };
  const proposal = parsed.output.ShadowAttribute;
  const base = "ShadowAttribute";
  checkUuid(ctx, base, proposal.uuid, "proposal", { required: true });
  checkUuid(ctx, base, proposal.event_uuid, "proposal", { required: true, key: "event_uuid" });
  checkTimestamp(ctx, base, "timestamp", proposal.timestamp, "proposal", false);
  const type = proposal.type;
  if (!proposal.proposal_to_delete) {
    if (!isFilled(type) || !isAttributeType(type)) {
      ctx.issues.push(
        error(
          "proposal.type.unknown",
          childPath(base, "type"),
          `"${type ?? ""}" is not a MISP attribute type`,
        ),
      );
    } else if (typeof proposal.value === "string") {
      for (const problem of checkValue(type, proposal.value).problems) {
        if (problem.severity === "error") {
          ctx.issues.push(
            error(`proposal.${problem.code}`, childPath(base, "value"), problem.message),
          );
        }
      }
    }
  }
  return { uuid: proposal.uuid ?? undefined, issues: ctx.issues };
}

function shapeFailure(problems: readonly v.BaseIssue<unknown>[], root: string): RecordVerdict {
  return {
    issues: problems.map((problem) => {
      const path = (problem.path ?? []).reduce<string>(
        (at, item) => childPath(at, typeof item.key === "number" ? item.key : String(item.key)),
        "",
      );
      return error(
        "shape",
        path,
        path === "" ? `The root must be {"${root}": {...}}: ${problem.message}` : problem.message,
      );
    }),
  };
}
