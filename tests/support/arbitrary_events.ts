/**
 * @module
 * fast-check arbitraries for access and feed properties: random events with attributes, objects,
 * object attributes, references, reports and tags at random distributions and sharing groups; a
 * random instance (which groups it knows, with which members, and groups embedded in events that
 * disagree with it); random audiences. Every element carries a unique secret text so a test can
 * search any output for things the audience must not see.
 */
import fc from "fast-check";
import type { AccessContext, Audience } from "../../src/access/mod.ts";
import type { Attribute, MispEvent, MispObject, SharingGroup, Tag } from "../../src/model/mod.ts";
import { groupN, orgN } from "./sharing_groups.ts";
import { uuidN } from "./sample_events.ts";

/** Orgs 1–5 exist; org 1 is this instance's. Groups 1–4 may exist. */
export const ORG_COUNT = 5;
export const GROUP_COUNT = 4;

/** How an element names its sharing group. */
export type GroupRef =
  | { readonly by: "uuid"; readonly group: number }
  | { readonly by: "embedded"; readonly group: number; readonly members: readonly number[] }
  | { readonly by: "none" };

/** An element's distribution as generated: a level (maybe invalid or missing) and its group. */
export interface DistributionPlan {
  readonly level: string | undefined;
  readonly ref: GroupRef;
}

/** One random test world. */
export interface World {
  readonly context: AccessContext;
  /** Member orgs of each group this instance knows. */
  readonly known: ReadonlyMap<number, readonly number[]>;
  readonly event: MispEvent;
  readonly audience: Audience;
}

const members = fc.uniqueArray(fc.integer({ min: 1, max: ORG_COUNT }), { maxLength: ORG_COUNT });

const groupRef: fc.Arbitrary<GroupRef> = fc.oneof(
  fc.record({ by: fc.constant("uuid" as const), group: fc.integer({ min: 1, max: GROUP_COUNT }) }),
  fc.record({
    by: fc.constant("embedded" as const),
    group: fc.integer({ min: 1, max: GROUP_COUNT + 2 }),
    members,
  }),
  fc.constant({ by: "none" as const }),
);

const distribution: fc.Arbitrary<DistributionPlan> = fc.record({
  level: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom("0", "1", "2", "3", "4", "5") },
    { weight: 1, arbitrary: fc.constantFrom(undefined, "9", "") },
  ),
  ref: groupRef,
});

/** Events lean towards levels that leave the instance, so most worlds have something to check. */
const eventDistribution: fc.Arbitrary<DistributionPlan> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ level: fc.constant("3"), ref: groupRef }) },
  { weight: 2, arbitrary: fc.record({ level: fc.constant("2"), ref: groupRef }) },
  { weight: 3, arbitrary: fc.record({ level: fc.constant("4"), ref: groupRef }) },
  { weight: 2, arbitrary: distribution },
);

const tagPlan = fc.record({
  local: fc.boolean(),
  exportable: fc.boolean(),
  localOnly: fc.boolean(),
});

const attributePlan = fc.record({
  distribution,
  tags: fc.array(tagPlan, { maxLength: 2 }),
  deleted: fc.boolean(),
  composite: fc.boolean(),
});

const objectPlan = fc.record({
  distribution,
  attributes: fc.array(attributePlan, { maxLength: 3 }),
  references: fc.array(fc.nat(20), { maxLength: 3 }),
  deleted: fc.boolean(),
});

const eventPlan = fc.record({
  distribution: eventDistribution,
  published: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
  tags: fc.array(tagPlan, { maxLength: 3 }),
  attributes: fc.array(attributePlan, { maxLength: 5 }),
  objects: fc.array(objectPlan, { maxLength: 3 }),
  reports: fc.array(fc.record({ distribution, deleted: fc.boolean() }), { maxLength: 2 }),
});

/** Random audiences, including groups this instance may not know or that have no members. */
export const audience: fc.Arbitrary<Audience> = fc.oneof(
  fc.constant({ kind: "public" as const }),
  fc.constant({ kind: "internal" as const }),
  fc.integer({ min: 1, max: ORG_COUNT + 1 }).map((n) => ({ kind: "org" as const, org: orgN(n) })),
  fc.integer({ min: 1, max: GROUP_COUNT + 1 }).map((n) => ({
    kind: "sharing-group" as const,
    sharingGroup: groupN(n),
  })),
);

/**
 * The secret name of this instance's copy of group `n`, or of the copy of group `n` embedded in
 * element number `element` (each embedded copy has its own members, so its own name).
 */
export function groupName(n: number, element?: number): string {
  return element === undefined
    ? `secret-known-group-${n}`
    : `secret-embedded-group-${n}-${element}`;
}

function group(n: number, memberOrgs: readonly number[], element?: number): SharingGroup {
  return {
    uuid: groupN(n),
    name: groupName(n, element),
    releasability: `secret-releasability-${n}`,
    SharingGroupOrg: memberOrgs.map((m) => ({ Organisation: { name: `Org ${m}`, uuid: orgN(m) } })),
  };
}

/** Random worlds: an instance, one event, one audience. */
export const world: fc.Arbitrary<World> = fc.record({
  groups: fc.array(fc.option(members, { nil: undefined, freq: 4 }), {
    minLength: GROUP_COUNT,
    maxLength: GROUP_COUNT,
  }),
  plan: eventPlan,
  audience,
}).map(({ groups, plan, audience }) => {
  const known = new Map<number, readonly number[]>();
  groups.forEach((memberOrgs, index) => {
    if (memberOrgs !== undefined) known.set(index + 1, memberOrgs);
  });
  const sharingGroups = new Map(
    [...known].map(([n, memberOrgs]) => [groupN(n), group(n, memberOrgs)] as const),
  );
  return {
    context: { hostOrg: orgN(1), sharingGroups },
    known,
    event: buildEvent(plan),
    audience,
  };
});

type EventPlan = typeof eventPlan extends fc.Arbitrary<infer T> ? T : never;
type TagPlan = typeof tagPlan extends fc.Arbitrary<infer T> ? T : never;
type AttributePlan = typeof attributePlan extends fc.Arbitrary<infer T> ? T : never;

function buildEvent(plan: EventPlan): MispEvent {
  let next = 0;
  const id = () => ++next;
  const tags = (plans: readonly TagPlan[]): Tag[] =>
    plans.map((t) => {
      const n = id();
      const tag: Tag = { name: `secret-tag-${n}` };
      if (t.local) tag.local = true;
      if (!t.exportable) tag.exportable = false;
      if (t.localOnly) tag.local_only = true;
      return tag;
    });
  const attribute = (p: AttributePlan, relation?: string): Attribute => {
    const n = id();
    return {
      uuid: uuidN(n, "aaaaaaaa"),
      type: p.composite ? "filename|md5" : "text",
      category: "Other",
      value: p.composite ? `secret-file-${n}|secret-hash-${n}` : `secret-attribute-${n}`,
      timestamp: "1700000000",
      deleted: p.deleted,
      ...(relation ? { object_relation: relation } : {}),
      ...distributionFields(p.distribution, n),
      Tag: tags(p.tags),
    };
  };
  const attributes = plan.attributes.map((p) => attribute(p));
  const objects: MispObject[] = plan.objects.map((p) => {
    const n = id();
    return {
      uuid: uuidN(n, "bbbbbbbb"),
      name: `secret-object-${n}`,
      "meta-category": "misc",
      timestamp: "1700000000",
      deleted: p.deleted,
      ...distributionFields(p.distribution, n),
      Attribute: p.attributes.map((a) => attribute(a, "text")),
      ObjectReference: p.references.map((target) => {
        const r = id();
        return {
          uuid: uuidN(r, "cccccccc"),
          referenced_uuid: target % 2 === 0 ? uuidN(target, "aaaaaaaa") : uuidN(target, "bbbbbbbb"),
          relationship_type: `secret-reference-${r}`,
          timestamp: "1700000000",
        };
      }),
    };
  });
  const reports = plan.reports.map((p) => {
    const n = id();
    return {
      uuid: uuidN(n, "dddddddd"),
      name: `secret-report-${n}`,
      content: `secret-report-content-${n}`,
      timestamp: "1700000000",
      deleted: p.deleted,
      ...distributionFields(p.distribution, n),
    };
  });
  const n = id();
  return {
    uuid: uuidN(n, "eeeeeeee"),
    info: `secret-event-info-${n}`,
    date: "2024-03-01",
    threat_level_id: "2",
    analysis: "1",
    timestamp: "1700000000",
    published: plan.published,
    Orgc: { name: "Example CERT", uuid: orgN(1) },
    ...distributionFields(plan.distribution, n),
    Tag: tags(plan.tags),
    Attribute: attributes,
    Object: objects,
    EventReport: reports,
  };
}

function distributionFields(plan: DistributionPlan, element: number): Partial<Attribute> {
  const fields: Partial<Attribute> = {};
  if (plan.level !== undefined) fields.distribution = plan.level;
  if (plan.ref.by === "uuid") fields.SharingGroup = { uuid: groupN(plan.ref.group) };
  if (plan.ref.by === "embedded") {
    fields.SharingGroup = group(plan.ref.group, plan.ref.members, element);
  }
  if (plan.ref.by !== "none") fields.sharing_group_id = String(plan.ref.group);
  return fields;
}
