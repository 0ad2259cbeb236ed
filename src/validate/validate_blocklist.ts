/**
 * @module
 * Validation of `data/blocklist.json` (model/blocklist.ts): the shape, a well-formed uuid in every
 * entry, no uuid listed twice, and creation times that parse. A broken blocklist is an error, and
 * pull passes refuse to run with one: it could otherwise let blocked events back in.
 */
import * as v from "valibot";
import { BlocklistDocumentSchema, childPath, error, type Issue, warning } from "../model/mod.ts";
import { checkUuid, type RuleContext } from "./field_rules.ts";

/** Every issue of a blocklist document. */
export function validateBlocklistDocument(json: unknown): Issue[] {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return [error("shape", "", 'The root must be {"events": [...], "orgs": [...]}')];
  }
  const parsed = v.safeParse(BlocklistDocumentSchema, json);
  if (!parsed.success) {
    return parsed.issues.map((problem) => {
      const path = (problem.path ?? []).reduce<string>(
        (at, item) => childPath(at, typeof item.key === "number" ? item.key : String(item.key)),
        "",
      );
      const message = path === ""
        ? `The root must be {"events": [...], "orgs": [...]}: ${problem.message}`
        : problem.message;
      return error("shape", path, message);
    });
  }
  const ctx: RuleContext = { issues: [] };
  const lists = [
    ["events", "blocklist.event", parsed.output.events ?? []],
    ["orgs", "blocklist.org", parsed.output.orgs ?? []],
  ] as const;
  for (const [key, what, entries] of lists) {
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      const path = childPath(key, index);
      checkUuid(ctx, path, entry.uuid, what, { required: true });
      if ("orgc" in entry) checkUuid(ctx, path, entry.orgc, what, { required: false, key: "orgc" });
      const uuid = entry.uuid.toLowerCase();
      const first = seen.get(uuid);
      if (first !== undefined) {
        ctx.issues.push(
          error(
            `${what}.duplicate`,
            childPath(path, "uuid"),
            `${uuid} is listed twice in ${key} (first at ${key}[${first}])`,
          ),
        );
      } else seen.set(uuid, index);
      if (entry.created !== undefined && Number.isNaN(Date.parse(entry.created))) {
        ctx.issues.push(
          warning(
            `${what}.created.invalid`,
            childPath(path, "created"),
            `created "${entry.created}" is not a date and time`,
          ),
        );
      }
    });
  }
  return ctx.issues;
}
