/**
 * @module
 * Feed definitions, `feeds/<name>.json`: who reads the feed (audience), which events go in (filters),
 * whether distribution fields are emitted, and how readers authenticate. Checked with valibot, then
 * with the rules that keep restricted data in: only a `public` audience may be read without a token,
 * and only `internal` may include unpublished events. Every field and default is in README
 * "Feed definitions".
 */
import * as v from "valibot";
import type { Audience } from "../access/mod.ts";
import { isAttributeType } from "../catalog/mod.ts";
import { childPath, error, type Issue, warning } from "../model/mod.ts";

/** Allowed feed names (the file stem): lower-case letters, digits, `-`, `_`; at most 64. */
export const FEED_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Tag or org rules in MISP's feed-rule shape: keep if any OR matches (when given), drop on any NOT. */
export interface OrNot {
  readonly OR: readonly string[];
  readonly NOT: readonly string[];
}

/** Which events and attributes go into a feed. */
export interface FeedFilters {
  /** `only` (default): published events only; `any`: unpublished too (internal audience only). */
  readonly published: "only" | "any";
  /** Event tag names, exact (as MISP matches manifest rules, misp-behaviour.md §3.3). */
  readonly tags: OrNot;
  /** Creator organisations (`Orgc`), by uuid or exact name. */
  readonly orgs: OrNot;
  /** Attribute types left out everywhere (top level and inside objects). */
  readonly excludeAttributeTypes: readonly string[];
  /** Inclusive window on `Event.date` (`YYYY-MM-DD`). */
  readonly date: { readonly from?: string; readonly to?: string };
  /** Emit soft-deleted attributes, objects, references and reports (`deleted: true`); default false. */
  readonly includeDeleted: boolean;
}

/** How readers authenticate: nobody (`public`), or a bearer token of scope `feed:<name>`. */
export type FeedAccess = "public" | "token";

/** A checked feed definition with every default filled in. */
export interface FeedDefinition {
  /** The file stem, `feeds/<name>.json`. */
  readonly name: string;
  readonly description: string;
  readonly audience: Audience;
  readonly filters: FeedFilters;
  /** Emit `distribution` and visible `SharingGroup`s so a kura or MISP consumer can inherit them. */
  readonly emitDistribution: boolean;
  readonly access: FeedAccess;
}

/** The outcome of {@link parseFeedDefinition}: a definition only when there is no error. */
export interface ParsedFeedDefinition {
  readonly definition?: FeedDefinition;
  readonly issues: Issue[];
}

const UUID_MESSAGE = "must be a lower-case uuid";
const uuid = v.pipe(
  v.string(UUID_MESSAGE),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, UUID_MESSAGE),
);
const names = v.array(
  v.pipe(v.string("must be a string"), v.minLength(1, "must not be empty")),
  "must be an array of strings",
);
const orNot = v.strictObject(
  { OR: v.optional(names), NOT: v.optional(names) },
  'must be an object {"OR": [...], "NOT": [...]}',
);
const isoDate = v.pipe(
  v.string("must be a date YYYY-MM-DD"),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be a date YYYY-MM-DD"),
);
const AUDIENCE_MESSAGE =
  'must be "public", "internal", {"org": "<org uuid>"} or {"sharingGroup": "<sharing group uuid>"}';

/** valibot schema of a feed definition file. Unknown fields are errors, so a typo never widens a feed. */
export const FeedDefinitionSchema = v.strictObject({
  $schema: v.optional(v.string()),
  description: v.optional(v.string("must be a string")),
  audience: v.union([
    v.literal("public"),
    v.literal("internal"),
    v.strictObject({ org: uuid }),
    v.strictObject({ sharingGroup: uuid }),
  ], AUDIENCE_MESSAGE),
  access: v.optional(v.picklist(["public", "token"], 'must be "public" or "token"')),
  emitDistribution: v.optional(v.boolean("must be true or false")),
  filters: v.optional(
    v.strictObject({
      published: v.optional(v.picklist(["only", "any"], 'must be "only" or "any"')),
      tags: v.optional(orNot),
      orgs: v.optional(orNot),
      excludeAttributeTypes: v.optional(names),
      date: v.optional(
        v.strictObject({ from: v.optional(isoDate), to: v.optional(isoDate) }, "must be an object"),
      ),
      includeDeleted: v.optional(v.boolean("must be true or false")),
    }, "must be an object"),
  ),
}, "must be an object");

/**
 * Checks the parsed JSON of `feeds/<name>.json` and fills in defaults. Never throws; every problem is
 * an issue with its JSON path. The definition is returned only when no issue is an error.
 */
export function parseFeedDefinition(json: unknown, name: string): ParsedFeedDefinition {
  const issues: Issue[] = [];
  if (!FEED_NAME.test(name)) {
    issues.push(
      error(
        "feed.name",
        "",
        `Feed name "${name}" must be 1–64 lower-case letters, digits, "-" or "_", starting with a letter or digit`,
      ),
    );
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    issues.push(
      error("feed.shape", "", `A feed definition must be a JSON object, got ${describe(json)}`),
    );
    return { issues };
  }
  if (!("audience" in json)) {
    issues.push(
      error("feed.audience.missing", "audience", `audience is required: it ${AUDIENCE_MESSAGE}`),
    );
  }
  const parsed = v.safeParse(FeedDefinitionSchema, json);
  if (!parsed.success) {
    for (const problem of parsed.issues) {
      const issue = shapeIssue(problem);
      if (!issues.some((known) => known.path === issue.path)) issues.push(issue);
    }
    return { issues };
  }
  const raw = parsed.output;
  const audience: Audience = raw.audience === "public"
    ? { kind: "public" }
    : raw.audience === "internal"
    ? { kind: "internal" }
    : "org" in raw.audience
    ? { kind: "org", org: raw.audience.org }
    : { kind: "sharing-group", sharingGroup: raw.audience.sharingGroup };
  const filters: FeedFilters = {
    published: raw.filters?.published ?? "only",
    tags: { OR: raw.filters?.tags?.OR ?? [], NOT: raw.filters?.tags?.NOT ?? [] },
    orgs: { OR: raw.filters?.orgs?.OR ?? [], NOT: raw.filters?.orgs?.NOT ?? [] },
    excludeAttributeTypes: raw.filters?.excludeAttributeTypes ?? [],
    date: { from: raw.filters?.date?.from, to: raw.filters?.date?.to },
    includeDeleted: raw.filters?.includeDeleted ?? false,
  };
  const access: FeedAccess = raw.access ?? "token";
  if (access === "public" && audience.kind !== "public") {
    issues.push(
      error(
        "feed.access.public",
        "access",
        `access "public" lets anyone read the feed, but its audience is ${
          JSON.stringify(raw.audience)
        }: only a "public" audience may be read without a token`,
      ),
    );
  }
  if (filters.published === "any" && audience.kind !== "internal") {
    issues.push(
      error(
        "feed.filters.published",
        "filters.published",
        `filters.published "any" is allowed only for the "internal" audience: unpublished events never leave this organisation`,
      ),
    );
  }
  const { from, to } = filters.date;
  if (from !== undefined && to !== undefined && from > to) {
    issues.push(
      error(
        "feed.filters.date",
        "filters.date",
        `date window is empty: from ${from} is after ${to}`,
      ),
    );
  }
  filters.excludeAttributeTypes.forEach((type, index) => {
    if (!isAttributeType(type)) {
      issues.push(
        warning(
          "feed.filters.type.unknown",
          childPath(childPath("filters", "excludeAttributeTypes"), index),
          `"${type}" is not a MISP attribute type; it excludes nothing`,
        ),
      );
    }
  });
  if (issues.some((issue) => issue.severity === "error")) return { issues };
  return {
    definition: {
      name,
      description: raw.description ?? "",
      audience,
      filters,
      emitDistribution: raw.emitDistribution ?? false,
      access,
    },
    issues,
  };
}

function shapeIssue(problem: v.BaseIssue<unknown>): Issue {
  let path = "";
  for (const item of problem.path ?? []) {
    const key = item.key;
    path = childPath(path, typeof key === "number" ? key : String(key));
  }
  if (problem.type === "strict_object" && problem.expected === "never") {
    const key = problem.path?.at(-1)?.key;
    return error("feed.field.unknown", path, `unknown field "${String(key)}"`);
  }
  const where = path === "" ? "the definition" : path;
  return error("feed.shape", path, `${where} ${problem.message}, got ${describe(problem.input)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
