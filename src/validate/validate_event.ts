/**
 * @module
 * Validation of a whole event: the event's fields, every attribute, object and reference, uuid
 * uniqueness, and any extra checks plugged in (the catalog's tag and template checks).
 */
import { childPath, error, type Issue, type MispEvent } from "../model/mod.ts";
import { checkAttribute } from "./attribute_rules.ts";
import { checkEventFields, checkTags } from "./event_rules.ts";
import { isFilled, type RuleContext } from "./field_rules.ts";
import { checkObject } from "./object_rules.ts";

/** An extra rule over a parsed event: returns issues with paths rooted at `Event`. */
export type EventCheck = (event: MispEvent) => Issue[];

/** Options of {@link validateEvent}. */
export interface ValidateOptions {
  /** Current time in epoch seconds; when given, timestamps far in the future are flagged. */
  now?: number;
  /** Extra checks run after the core rules (e.g. tags against taxonomies, objects against templates). */
  checks?: readonly EventCheck[];
}

/** Validates a parsed event and returns every issue; never throws on bad data. */
export function validateEvent(event: MispEvent, options: ValidateOptions = {}): Issue[] {
  const ctx: RuleContext = { issues: [], now: options.now };
  const base = "Event";
  checkEventFields(ctx, base, event);
  const attributesPath = childPath(base, "Attribute");
  (event.Attribute ?? []).forEach((attribute, index) => {
    const at = childPath(attributesPath, index);
    checkAttribute(ctx, at, attribute, false);
    // Paths are built only when there is something to check: this loop runs for every attribute.
    if (attribute.Tag) checkTags(ctx, childPath(at, "Tag"), attribute.Tag);
  });
  const objectsPath = childPath(base, "Object");
  (event.Object ?? []).forEach((object, index) => {
    const at = childPath(objectsPath, index);
    checkObject(ctx, at, object);
    (object.Attribute ?? []).forEach((attribute, attributeIndex) => {
      if (!attribute.Tag) return;
      checkTags(
        ctx,
        childPath(childPath(childPath(at, "Attribute"), attributeIndex), "Tag"),
        attribute.Tag,
      );
    });
  });
  checkUniqueUuids(ctx, event);
  for (const check of options.checks ?? []) {
    for (const issue of safely(check, event)) ctx.issues.push(issue);
  }
  return ctx.issues;
}

/** Runs a plugged-in check; a bug in it becomes an issue instead of a crash of the whole run. */
function safely(check: EventCheck, event: MispEvent): Issue[] {
  try {
    return check(event);
  } catch (cause) {
    return [error("check.crashed", "Event", `A validation check failed: ${String(cause)}`)];
  }
}

/** Attribute, object and reference uuids are global identities: none may repeat within an event. */
function checkUniqueUuids(ctx: RuleContext, event: MispEvent): void {
  // A first pass without paths: building a path per item costs more than the check itself, and
  // repeats are rare, so paths are built only for an event that has one.
  if (!hasRepeatedUuid(event)) return;
  const firstSeen = new Map<string, string>();
  const note = (uuid: unknown, path: string) => {
    if (!isFilled(uuid)) return;
    const key = uuid.toLowerCase();
    const earlier = firstSeen.get(key);
    if (earlier === undefined) firstSeen.set(key, path);
    else {
      ctx.issues.push(
        error(
          "event.uuid.duplicate",
          childPath(path, "uuid"),
          `uuid "${uuid}" is already used at ${earlier}`,
        ),
      );
    }
  };
  (event.Attribute ?? []).forEach((a, i) => note(a.uuid, `Event.Attribute[${i}]`));
  (event.Object ?? []).forEach((object, i) => {
    const at = `Event.Object[${i}]`;
    note(object.uuid, at);
    (object.Attribute ?? []).forEach((a, j) => note(a.uuid, `${at}.Attribute[${j}]`));
    (object.ObjectReference ?? []).forEach((r, j) => note(r.uuid, `${at}.ObjectReference[${j}]`));
  });
  (event.EventReport ?? []).forEach((r, i) => note(r.uuid, `Event.EventReport[${i}]`));
}

function hasRepeatedUuid(event: MispEvent): boolean {
  const seen = new Set<string>();
  let repeated = false;
  const note = (uuid: unknown) => {
    if (repeated || !isFilled(uuid)) return;
    const key = uuid.toLowerCase();
    if (seen.has(key)) repeated = true;
    else seen.add(key);
  };
  for (const attribute of event.Attribute ?? []) note(attribute.uuid);
  for (const object of event.Object ?? []) {
    note(object.uuid);
    for (const attribute of object.Attribute ?? []) note(attribute.uuid);
    for (const reference of object.ObjectReference ?? []) note(reference.uuid);
  }
  for (const report of event.EventReport ?? []) note(report.uuid);
  return repeated;
}
