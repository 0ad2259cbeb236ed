import { deepEqual, equal, ok } from "node:assert/strict";
import fc from "fast-check";
import { type Audience, pruneReferences, restrictEvent } from "../../src/access/mod.ts";
import type { MispEvent } from "../../src/model/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject, uuidN } from "../support/sample_events.ts";
import { contextWith, groupN, orgN, sampleGroup } from "../support/sharing_groups.ts";
import { world } from "../support/arbitrary_events.ts";

// Group A = 1: orgs 1, 2, 3. Group B = 2: orgs 2, 4.
const context = contextWith(sampleGroup(1, [1, 2, 3]), sampleGroup(2, [2, 4]));
const org = (n: number): Audience => ({ kind: "org", org: orgN(n) });
const dist = (level: string, group?: number) =>
  group === undefined
    ? { distribution: level }
    : { distribution: level, SharingGroup: { uuid: groupN(group) } };

function eventWith(eventDist: object, attributeDist: object): MispEvent {
  return sampleEvent({
    ...eventDist,
    Attribute: [sampleAttribute(1, { ...attributeDist, value: "198.51.100.1" })],
  });
}

function seesAttribute(event: MispEvent, audience: Audience): boolean {
  return (restrictEvent(event, audience, context)?.Attribute?.length ?? 0) > 0;
}

// misp-behaviour.md §1.2, "Most restrictive wins is an intersection" table, for remote readers
// (§2.4: level 1 does not leave the instance, so the table's "1 | 4 (SG B)" row reaches no one).
const INTERSECTION_CASES: [string, object, object, Audience, boolean][] = [
  ["event 3, attribute 0: hidden", dist("3"), dist("0"), org(2), false],
  ["event 0, attribute 3: hidden", dist("0"), dist("3"), org(2), false],
  ["event 4 (A), attribute 3: a member of A sees it", dist("4", 1), dist("3"), org(3), true],
  ["event 4 (A), attribute 3: a non-member does not", dist("4", 1), dist("3"), org(4), false],
  ["event 1, attribute 4 (B): the event does not leave", dist("1"), dist("4", 2), org(2), false],
  ["event 3, attribute 4 (B): a member of B sees it", dist("3"), dist("4", 2), org(4), true],
  ["event 3, attribute 4 (B): a non-member does not", dist("3"), dist("4", 2), org(3), false],
  [
    "event 4 (A), attribute 4 (B): an org in both sees it",
    dist("4", 1),
    dist("4", 2),
    org(2),
    true,
  ],
  [
    "event 4 (A), attribute 4 (B): an org only in A does not",
    dist("4", 1),
    dist("4", 2),
    org(3),
    false,
  ],
  [
    "event 4 (A), attribute 4 (B): an org only in B does not",
    dist("4", 1),
    dist("4", 2),
    org(4),
    false,
  ],
  ["event 3, attribute 5: same as the event", dist("3"), dist("5"), { kind: "public" }, true],
  ["event 2, attribute 5: same as the event", dist("2"), dist("5"), { kind: "public" }, false],
  [
    "event 0, attribute 0: internal sees everything",
    dist("0"),
    dist("0"),
    { kind: "internal" },
    true,
  ],
];

for (const [label, eventDist, attributeDist, audience, expected] of INTERSECTION_CASES) {
  Deno.test(`restrictEvent() ${label}`, () => {
    equal(seesAttribute(eventWith(eventDist, attributeDist), audience), expected);
  });
}

Deno.test("restrictEvent() hides object attributes when their object is hidden, whatever their own level", () => {
  const object = sampleObject(1, {
    distribution: "0",
    Attribute: [sampleAttribute(50, { distribution: "3", object_relation: "ip" })],
  });
  const open = sampleObject(2, {
    distribution: "5",
    Attribute: [
      sampleAttribute(51, { distribution: "3", object_relation: "ip" }),
      sampleAttribute(52, { distribution: "1", object_relation: "ip" }),
    ],
  });
  const out = restrictEvent(sampleEvent({ Object: [object, open] }), org(2), context)!;
  deepEqual(out.Object!.map((o) => o.uuid), [open.uuid]);
  deepEqual(out.Object![0]!.Attribute!.map((a) => a.uuid), [uuidN(51, "aaaaaaaa")]);
});

Deno.test("restrictEvent() downgrades 2 to 1 for other organisations and never for internal", () => {
  const event = sampleEvent({
    distribution: "2",
    Attribute: [
      sampleAttribute(1, { distribution: "2" }),
      sampleAttribute(2, { distribution: "3" }),
    ],
  });
  const out = restrictEvent(event, org(2), context)!;
  equal(out.distribution, "1");
  deepEqual(out.Attribute!.map((a) => a.distribution), ["1", "3"]);
  const internal = restrictEvent(event, { kind: "internal" }, context)!;
  equal(internal.distribution, "2");
  deepEqual(internal.Attribute!.map((a) => a.distribution), ["2", "3"]);
});

Deno.test("restrictEvent() keeps unpublished events for internal only", () => {
  const event = sampleEvent({ published: false });
  equal(restrictEvent(event, { kind: "public" }, context), undefined);
  equal(restrictEvent(event, org(2), context), undefined);
  ok(restrictEvent(event, { kind: "internal" }, context));
});

Deno.test("restrictEvent() drops local and non-exportable tags; TLP tags change nothing", () => {
  const event = sampleEvent({
    distribution: "0",
    Tag: [
      { name: "tlp:clear" },
      { name: "triage:owner", local: true },
      { name: "internal:ticket", exportable: false },
      { name: "scope:lab", local_only: true },
    ],
  });
  equal(restrictEvent(event, { kind: "public" }, context), undefined, "tlp:clear grants nothing");
  const open = { ...event, distribution: "3" };
  deepEqual(restrictEvent(open, org(2), context)!.Tag!.map((t) => t.name), ["tlp:clear"]);
  deepEqual(
    restrictEvent(open, { kind: "internal" }, context)!.Tag!.map((t) => t.name),
    ["tlp:clear", "triage:owner", "scope:lab"],
  );
});

Deno.test("restrictEvent() keeps a pruned sharing group only where the audience may see it", () => {
  const event = sampleEvent({
    distribution: "4",
    SharingGroup: { uuid: groupN(1) },
    Attribute: [sampleAttribute(1, { distribution: "4", SharingGroup: { uuid: groupN(2) } })],
  });
  const out = restrictEvent(event, org(2), context)!;
  deepEqual(Object.keys(out.SharingGroup!).sort(), [
    "Organisation",
    "SharingGroupOrg",
    "SharingGroupServer",
    "created",
    "name",
    "organisation_uuid",
    "roaming",
    "uuid",
  ]);
  deepEqual(out.SharingGroup!.SharingGroupOrg![0], {
    extend: false,
    Organisation: { name: "Org 1", uuid: orgN(1) },
  });
  equal(out.Attribute![0]!.SharingGroup!.name, "Sharing group 2");
  equal(out.sharing_group_id, undefined, "local ids never leave");
  const plain = restrictEvent(
    { ...event, distribution: "3", SharingGroup: undefined },
    org(3),
    context,
  )!;
  equal(plain.SharingGroup, undefined);
  equal(plain.Attribute!.length, 0);
});

Deno.test("restrictEvent() keeps only MISP's sync fields: no ids, Org, galaxies, proposals or unknown keys", () => {
  const event = {
    ...sampleEvent(),
    id: "12",
    org_id: "1",
    orgc_id: "1",
    locked: true,
    Org: { name: "Local owner", uuid: orgN(1) },
    Orgc: { id: "1", name: "Example CERT", uuid: orgN(1), local: true },
    Galaxy: [{ name: "Threat actor" }],
    ShadowAttribute: [{ value: "proposal" }],
    RelatedEvent: [{ Event: { info: "another event" } }],
    Sighting: [{ org_id: "2" }],
    secret_extension: "x",
  } as MispEvent;
  event.Attribute![0] = { ...event.Attribute![0]!, id: "5", event_id: "12", Galaxy: [] } as never;
  const out = restrictEvent(event, { kind: "internal" }, context)!;
  for (const key of ["id", "org_id", "orgc_id", "locked", "Org", "Galaxy", "ShadowAttribute"]) {
    equal(key in out, false, key);
  }
  equal("RelatedEvent" in out || "Sighting" in out || "secret_extension" in out, false);
  deepEqual(out.Orgc, { name: "Example CERT", uuid: orgN(1) });
  equal("id" in out.Attribute![0]! || "Galaxy" in out.Attribute![0]!, false);
});

Deno.test("restrictEvent() drops references to hidden elements and sets object_uuid to the parent", () => {
  const hidden = sampleAttribute(9, { distribution: "0" });
  const shown = sampleAttribute(8, { distribution: "5" });
  const object = sampleObject(1, {
    ObjectReference: [
      { uuid: uuidN(1, "cccccccc"), referenced_uuid: hidden.uuid, relationship_type: "x" },
      {
        uuid: uuidN(2, "cccccccc"),
        referenced_uuid: shown.uuid!.toUpperCase(),
        source_uuid: "legacy",
        relationship_type: "y",
      },
    ],
  });
  const out = restrictEvent(
    sampleEvent({ Attribute: [hidden, shown], Object: [object] }),
    org(2),
    context,
  )!;
  const references = out.Object![0]!.ObjectReference!;
  deepEqual(references.map((r) => r.uuid), [uuidN(2, "cccccccc")]);
  equal(references[0]!.object_uuid, object.uuid);
  equal("source_uuid" in references[0]!, false);
});

Deno.test("restrictEvent() does not modify its input", () => {
  const event = sampleEvent({ distribution: "2", Tag: [{ name: "a", local: true }] });
  const before = structuredClone(event);
  restrictEvent(event, org(2), context);
  deepEqual(event, before);
});

Deno.test("pruneReferences() keeps references between elements still present", () => {
  const a = sampleAttribute(1);
  const object = sampleObject(1, {
    ObjectReference: [
      { uuid: uuidN(1, "cccccccc"), referenced_uuid: a.uuid },
      { uuid: uuidN(2, "cccccccc"), referenced_uuid: uuidN(2, "bbbbbbbb") },
      { uuid: uuidN(3, "cccccccc") },
    ],
  });
  const event = sampleEvent({ Attribute: [a], Object: [object] });
  pruneReferences(event);
  deepEqual(event.Object![0]!.ObjectReference!.map((r) => r.uuid), [uuidN(1, "cccccccc")]);
});

// Properties over random events and audiences (misp-behaviour.md §2.5).

Deno.test("restrictEvent() never raises a distribution: each level is kept, or 2 is sent as 1", () => {
  fc.assert(
    fc.property(world, (w) => {
      const out = restrictEvent(w.event, w.audience, w.context);
      if (!out) return;
      const before = new Map<string, string | null | undefined>();
      const after = new Map<string, string | null | undefined>();
      const collect = (event: MispEvent, into: typeof before) => {
        into.set(event.uuid!, event.distribution);
        for (const a of event.Attribute ?? []) into.set(a.uuid!, a.distribution);
        for (const o of event.Object ?? []) {
          into.set(o.uuid!, o.distribution);
          for (const a of o.Attribute ?? []) into.set(a.uuid!, a.distribution);
        }
        for (const r of event.EventReport ?? []) into.set(r.uuid!, r.distribution);
      };
      collect(w.event, before);
      collect(out, after);
      for (const [uuid, level] of after) {
        const original = before.get(uuid);
        const downgraded = original === "2" && level === "1" && w.audience.kind !== "internal";
        ok(level === original || downgraded, `${uuid}: ${original} became ${level}`);
        if (w.audience.kind !== "internal") ok(level !== "0" && level !== "2", `${uuid}: ${level}`);
      }
    }),
    { numRuns: 300 },
  );
});

Deno.test("restrictEvent() leaves its input untouched and shares no objects with it", () => {
  fc.assert(
    fc.property(world, (w) => {
      const before = structuredClone(w.event);
      const out = restrictEvent(w.event, w.audience, w.context);
      deepEqual(w.event, before);
      if (!out) return;
      if (out.Attribute?.[0]) out.Attribute[0].value = "changed";
      if (out.Tag?.[0]) out.Tag[0].name = "changed";
      deepEqual(w.event, before);
    }),
    { numRuns: 100 },
  );
});
