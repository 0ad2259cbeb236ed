/**
 * @module
 * Rules for the event itself (misp-behaviour.md §5, misp-formats.md §5.4): identity, info, date, enums,
 * distribution and sharing group, creator org, tags, reports and proposals.
 */
import {
  childPath,
  error,
  isUuid,
  type MispEvent,
  type SharingGroup,
  type Tag,
  warning,
} from "../model/mod.ts";
import {
  checkDate,
  checkDistribution,
  checkTimestamp,
  checkUuid,
  isFilled,
  type RuleContext,
} from "./field_rules.ts";

const THREAT_LEVELS = new Set(["1", "2", "3", "4"]);
const ANALYSIS_LEVELS = new Set(["0", "1", "2"]);
const ANALYSIS_WORDS: Record<string, string> = { Initial: "0", Ongoing: "1", Completed: "2" };
const MAX_INFO = 256;

/** Checks the event's own fields at `path` (normally `Event`). */
export function checkEventFields(ctx: RuleContext, path: string, event: MispEvent): void {
  checkUuid(ctx, path, event.uuid, "event", { required: true });
  checkInfo(ctx, path, event.info);
  checkDate(ctx, path, event.date, "event");
  checkEnum(
    ctx,
    path,
    "threat_level_id",
    event.threat_level_id,
    THREAT_LEVELS,
    "1 (high) to 4 (undefined)",
  );
  checkAnalysis(ctx, path, event.analysis);
  checkDistribution(ctx, path, event, "event", { max: 4, required: true });
  checkTimestamp(ctx, path, "timestamp", event.timestamp, "event", true);
  checkTimestamp(ctx, path, "publish_timestamp", event.publish_timestamp, "event", false);
  if (isFilled(event.extends_uuid)) {
    checkUuid(ctx, path, event.extends_uuid, "event", { required: false, key: "extends_uuid" });
  }
  checkCreator(ctx, path, event);
  if (event.SharingGroup) {
    checkSharingGroup(ctx, childPath(path, "SharingGroup"), event.SharingGroup);
  }
  checkTags(ctx, childPath(path, "Tag"), event.Tag);
  (event.EventReport ?? []).forEach((report, index) => {
    const at = childPath(childPath(path, "EventReport"), index);
    checkUuid(ctx, at, report.uuid, "report", { required: true });
    checkDistribution(ctx, at, report, "report", { max: 5, required: false });
    checkTimestamp(ctx, at, "timestamp", report.timestamp, "report", false);
    if (!isFilled(report.name)) {
      ctx.issues.push(
        error("report.name.missing", childPath(at, "name"), "The report has no name"),
      );
    }
  });
  (event.ShadowAttribute ?? []).forEach((proposal, index) => {
    const at = childPath(childPath(path, "ShadowAttribute"), index);
    checkUuid(ctx, at, proposal.uuid, "proposal", { required: false });
    if (!isFilled(proposal.type)) {
      ctx.issues.push(
        error("proposal.type.missing", childPath(at, "type"), "The proposal has no type"),
      );
    }
  });
}

function checkInfo(ctx: RuleContext, path: string, info: unknown): void {
  const at = childPath(path, "info");
  if (!isFilled(info) || info.trim() === "") {
    ctx.issues.push(error("event.info.missing", at, "The event has no info (its title)"));
    return;
  }
  if (/[\r\n]/.test(info)) {
    ctx.issues.push(
      warning("event.info.newline", at, "info should be one line (misp-rfc: no newlines)"),
    );
  }
  if ([...info].length > MAX_INFO) {
    ctx.issues.push(
      warning(
        "event.info.length",
        at,
        `info is ${[...info].length} characters; the RFC says at most ${MAX_INFO}`,
      ),
    );
  }
}

function checkEnum(
  ctx: RuleContext,
  path: string,
  key: string,
  value: string | null | undefined,
  allowed: ReadonlySet<string>,
  range: string,
): void {
  const at = childPath(path, key);
  if (value === undefined || value === null || value === "") {
    ctx.issues.push(error(`event.${key}.missing`, at, `The event has no ${key} (${range})`));
  } else if (!allowed.has(value)) {
    ctx.issues.push(error(`event.${key}.invalid`, at, `${key} "${value}" is not ${range}`));
  }
}

function checkAnalysis(ctx: RuleContext, path: string, value: string | null | undefined): void {
  const word = value ? ANALYSIS_WORDS[value] : undefined;
  if (word !== undefined) {
    ctx.issues.push(
      error(
        "event.analysis.word",
        childPath(path, "analysis"),
        `analysis "${value}" must be written as "${word}"`,
      ),
    );
    return;
  }
  checkEnum(
    ctx,
    path,
    "analysis",
    value,
    ANALYSIS_LEVELS,
    "0 (initial), 1 (ongoing) or 2 (completed)",
  );
}

function checkCreator(ctx: RuleContext, path: string, event: MispEvent): void {
  const at = childPath(path, "Orgc");
  const orgc = event.Orgc;
  if (!orgc) {
    ctx.issues.push(
      error("event.orgc.missing", at, "The event has no Orgc (creator organisation)"),
    );
    return;
  }
  checkUuid(ctx, at, orgc.uuid, "orgc", { required: true });
  if (!isFilled(orgc.name)) {
    ctx.issues.push(
      error("orgc.name.missing", childPath(at, "name"), "The creator organisation has no name"),
    );
  }
  if (event.Org) checkUuid(ctx, childPath(path, "Org"), event.Org.uuid, "org", { required: false });
}

/** Checks a sharing group's identity and members. */
export function checkSharingGroup(ctx: RuleContext, path: string, group: SharingGroup): void {
  checkUuid(ctx, path, group.uuid, "sharing_group", { required: true });
  (group.SharingGroupOrg ?? []).forEach((member, index) => {
    const at = childPath(childPath(path, "SharingGroupOrg"), index);
    const uuid = member.Organisation?.uuid;
    if (!isUuid(uuid)) {
      ctx.issues.push(
        error(
          "sharing_group.org.uuid",
          childPath(at, "Organisation"),
          "A sharing group member needs Organisation.uuid; membership is decided by uuid",
        ),
      );
    }
  });
}

/** Checks the structure of a tag list: names present, no repeats. */
export function checkTags(ctx: RuleContext, path: string, tags: readonly Tag[] | undefined): void {
  if (!tags) return;
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    const at = childPath(path, index);
    const name = tag.name;
    if (!isFilled(name)) {
      ctx.issues.push(error("tag.name.missing", childPath(at, "name"), "The tag has no name"));
      return;
    }
    if ([...name].length > 255) {
      ctx.issues.push(
        error("tag.name.length", childPath(at, "name"), "Tag names are at most 255 characters"),
      );
    }
    if (seen.has(name)) {
      ctx.issues.push(
        warning("tag.duplicate", childPath(at, "name"), `Tag "${name}" appears twice`),
      );
    }
    seen.add(name);
  });
}
