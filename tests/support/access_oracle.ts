/**
 * @module
 * An executable restatement of the access rules, written from misp-behaviour.md §1.2 and §2.4–2.5
 * without the production code: for a random world it lists the secret texts the audience may
 * receive, so properties can search any output for anything else.
 */
import type { Attribute, MispEvent, Tag } from "../../src/model/mod.ts";
import { groupName, type World } from "./arbitrary_events.ts";
import { groupN, orgN } from "./sharing_groups.ts";

/** What an audience may receive of a world's event, as secret texts. */
export interface Expected {
  /** Whether the event itself reaches the audience (visible and, unless internal, published). */
  readonly event: boolean;
  /** Every secret text the audience may receive. */
  readonly allowed: ReadonlySet<string>;
  /** Secret texts that must appear in a feed that keeps (or drops) deleted elements. */
  required(includeDeleted: boolean): Set<string>;
}

interface Element {
  readonly distribution?: string | null;
  readonly SharingGroup?: { uuid?: string | null; SharingGroupOrg?: unknown } | null;
}

/** Computes what `world.audience` may receive of `world.event`. */
export function expectedFor(world: World): Expected {
  const { audience, known, event } = world;
  const internal = audience.kind === "internal";
  const numberOf = (uuid: unknown) => {
    for (let n = 1; n <= 9; n++) if (uuid === groupN(n)) return n;
    return undefined;
  };
  const readers: Set<string> | undefined = audience.kind === "sharing-group"
    ? new Set((known.get(numberOf(audience.sharingGroup) ?? 0) ?? []).map(orgN))
    : undefined;
  const readersValid = readers === undefined || readers.size > 0;

  /** Members of the group an element names: this instance's copy first, else the embedded one. */
  const membersOf = (element: Element): Set<string> | undefined => {
    const n = numberOf(element.SharingGroup?.uuid);
    if (n === undefined) return undefined;
    const mine = known.get(n);
    if (mine !== undefined) return new Set(mine.map(orgN));
    const embedded = element.SharingGroup?.SharingGroupOrg as
      | { Organisation?: { uuid?: string } }[]
      | undefined;
    return embedded ? new Set(embedded.map((m) => m.Organisation?.uuid ?? "")) : undefined;
  };
  const seesGroup = (members: Set<string> | undefined): boolean => {
    if (internal) return true;
    if (members === undefined) return false;
    if (audience.kind === "org") return members.has(audience.org);
    if (audience.kind === "sharing-group") {
      return readersValid && [...readers!].every((reader) => members.has(reader));
    }
    return false;
  };
  const gate = (element: Element, isEvent: boolean): boolean => {
    if (internal) return true;
    if (!readersValid) return false;
    switch (element.distribution) {
      case "2":
        return audience.kind === "org" || audience.kind === "sharing-group";
      case "3":
        return true;
      case "4":
        return seesGroup(membersOf(element));
      case "5":
        return !isEvent;
      default:
        return false; // 0, 1, missing, invalid
    }
  };
  const tagAllowed = (tag: Tag) =>
    tag.exportable !== false && (internal || (tag.local !== true && tag.local_only !== true));

  const allowed = new Set<string>();
  const required = { kept: new Set<string>(), deleted: new Set<string>() };
  const need = (text: string, deleted: boolean) => {
    allowed.add(text);
    (deleted ? required.deleted : required.kept).add(text);
  };
  const addGroupName = (element: Element, number: number) => {
    const n = numberOf(element.SharingGroup?.uuid);
    if (element.distribution !== "4" || n === undefined) return;
    const name = known.has(n) ? groupName(n) : groupName(n, number);
    if (seesGroup(membersOf(element))) allowed.add(name);
  };
  const numberOfText = (text: string | null | undefined) => Number(/(\d+)$/.exec(text ?? "")?.[1]);
  const addAttribute = (attribute: Attribute, deleted: boolean) => {
    const gone = deleted || attribute.deleted === true;
    for (const part of attribute.value!.split("|")) need(part, gone);
    for (const tag of attribute.Tag ?? []) if (tagAllowed(tag)) need(tag.name!, gone);
    addGroupName(attribute, numberOfText(attribute.value));
  };

  const eventVisible = (internal || event.published === true) && gate(event, true);
  if (eventVisible) {
    need(event.info!, false);
    for (const tag of event.Tag ?? []) if (tagAllowed(tag)) need(tag.name!, false);
    addGroupName(event, numberOfText(event.info));
    const present = new Set<string>();
    for (const attribute of event.Attribute ?? []) {
      if (!gate(attribute, false)) continue;
      present.add(attribute.uuid!);
      addAttribute(attribute, false);
    }
    const objects = (event.Object ?? []).filter((object) => gate(object, false));
    for (const object of objects) {
      present.add(object.uuid!);
      need(object.name!, object.deleted === true);
      addGroupName(object, numberOfText(object.name));
      for (const attribute of object.Attribute ?? []) {
        if (!gate(attribute, false)) continue;
        present.add(attribute.uuid!);
        addAttribute(attribute, object.deleted === true);
      }
    }
    for (const object of objects) {
      for (const reference of object.ObjectReference ?? []) {
        // A reference may appear when its object and its target are there (it is not required:
        // its target may still be dropped as deleted).
        if (present.has(reference.referenced_uuid!)) allowed.add(reference.relationship_type!);
      }
    }
    for (const report of event.EventReport ?? []) {
      if (!gate(report, false)) continue;
      need(report.name!, report.deleted === true);
      need(report.content!, report.deleted === true);
      addGroupName(report, numberOfText(report.name));
    }
  }
  return {
    event: eventVisible,
    allowed,
    required: (includeDeleted) =>
      new Set([...required.kept, ...(includeDeleted ? required.deleted : [])]),
  };
}

/** Every secret text in `text`. */
export function secretsIn(text: string): string[] {
  return [...text.matchAll(/secret-[a-z]+(?:-[a-z]+)*-\d+(?:-\d+)?/g)].map((m) => m[0]);
}

/** Every secret text of an event's input, for mapping hashes back to values. */
export function allSecrets(event: MispEvent): string[] {
  return secretsIn(JSON.stringify(event));
}
