// Rules from ../shared/reference/misp-behaviour.md §2.6 (receiving side merge) and §2.7 (locked).
import { deepEqual, equal, ok } from "node:assert/strict";
import { mergeEvent, type MergePolicy } from "../../src/merge/mod.ts";
import type { MispEvent } from "../../src/model/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject, uuidN } from "../support/sample_events.ts";

const HOST = "99999999-9999-4999-8999-999999999999";
const POLICY: MergePolicy = { hostOrg: HOST, internal: false };

/** A synced local copy at timestamp 1700000000. */
function local(overrides: Partial<MispEvent> = {}): MispEvent {
  return sampleEvent({ locked: true, Object: [sampleObject(1)], ...overrides });
}

/** The same event as a peer sends it, one second newer unless overridden. */
function incoming(overrides: Partial<MispEvent> = {}): MispEvent {
  return sampleEvent({ timestamp: "1700000001", Object: [sampleObject(1)], ...overrides });
}

interface Case {
  rule: string;
  local: MispEvent | undefined;
  incoming: MispEvent;
  policy?: MergePolicy;
  status: string;
  reason: RegExp;
  check?: (event: MispEvent | undefined) => void;
}

const cases: Case[] = [
  {
    rule: "an unknown uuid is added (§2.6 New event)",
    local: undefined,
    incoming: incoming(),
    status: "new",
    reason: /not known here/,
  },
  {
    rule: "the update is refused unless the event timestamp is strictly newer: older (§2.6 step 1)",
    local: local({ timestamp: "1700000005" }),
    incoming: incoming({ timestamp: "1700000004", info: "changed" }),
    status: "rejected",
    reason: /not newer than the local copy/,
  },
  {
    rule: "an equal event timestamp changes nothing, even when fields differ (§2.6 step 1)",
    local: local(),
    incoming: incoming({ timestamp: "1700000000", info: "changed" }),
    status: "unchanged",
    reason: /same event timestamp/,
  },
  {
    rule: "a peer can never modify an event created on this instance (§2.6 step 2, host org)",
    local: local({ Orgc: { name: "Us", uuid: HOST } }),
    incoming: incoming({ Orgc: { name: "Us", uuid: HOST }, info: "forged" }),
    status: "rejected",
    reason: /created on this instance/,
  },
  {
    rule: "an internal peer cannot modify a host-org event either",
    local: local({ Orgc: { name: "Us", uuid: HOST } }),
    incoming: incoming({ Orgc: { name: "Us", uuid: HOST }, info: "forged" }),
    policy: { hostOrg: HOST, internal: true },
    status: "rejected",
    reason: /created on this instance/,
  },
  {
    rule: "an unlocked local copy is refused over a non-internal link (§2.6 step 8, §2.7)",
    local: local({ locked: false }),
    incoming: incoming({ info: "changed" }),
    status: "rejected",
    reason: /locked is false/,
  },
  {
    rule: "an unlocked local copy may be edited over an internal link (§2.6 step 8)",
    local: local({ locked: false }),
    incoming: incoming({ info: "changed" }),
    policy: { hostOrg: HOST, internal: true },
    status: "updated",
    reason: /newer/,
    check: (event) => equal(event?.info, "changed"),
  },
  {
    rule: "Orgc is never changed by an edit (§2.6 step 3)",
    local: local(),
    incoming: incoming({ Orgc: { name: "Other", uuid: uuidN(5, "cccccccc") } }),
    status: "rejected",
    reason: /creator org cannot change/,
  },
  {
    rule: "event fields are taken from a newer event (§2.6 step 3)",
    local: local(),
    incoming: incoming({ info: "Renamed", threat_level_id: "1" }),
    status: "updated",
    reason: /newer event timestamp/,
    check: (event) => {
      equal(event?.info, "Renamed");
      equal(event?.threat_level_id, "1");
      equal(event?.timestamp, "1700000001");
    },
  },
  {
    rule:
      "missing info/analysis/date keep local values; a missing published becomes false (§2.6 step 3)",
    local: local(),
    incoming: (() => {
      const event = incoming();
      delete event.info;
      delete event.analysis;
      delete event.published;
      return event;
    })(),
    status: "updated",
    reason: /newer/,
    check: (event) => {
      equal(event?.info, "Phishing campaign against example.org");
      equal(event?.analysis, "1");
      equal(event?.published, false);
    },
  },
  {
    rule: "an attribute wins only if its own timestamp is strictly newer (§2.6 step 4)",
    local: local(),
    incoming: incoming({
      Attribute: [
        sampleAttribute(1, { value: "198.51.100.1", timestamp: "1700000001" }),
        sampleAttribute(2, { value: "198.51.100.2", timestamp: "1700000000" }),
      ],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => {
      equal(event?.Attribute?.[0]?.value, "198.51.100.1");
      equal(event?.Attribute?.[1]?.value, "192.0.2.2", "equal timestamp: local wins the tie");
    },
  },
  {
    rule: "an older attribute never overwrites a newer local one (§2.6 step 4)",
    local: local({ Attribute: [sampleAttribute(1, { timestamp: "1700000009" })] }),
    incoming: incoming({
      timestamp: "1700000010",
      Attribute: [sampleAttribute(1, { value: "203.0.113.9", timestamp: "1700000002" })],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => equal(event?.Attribute?.[0]?.value, "192.0.2.1"),
  },
  {
    rule: "missing attribute fields fall back to local values (§2.6 step 4)",
    local: local({ Attribute: [sampleAttribute(1, { comment: "keep me" })] }),
    incoming: incoming({
      Attribute: [{ uuid: sampleAttribute(1).uuid, timestamp: "1700000001", to_ids: false }],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => {
      equal(event?.Attribute?.[0]?.comment, "keep me");
      equal(event?.Attribute?.[0]?.to_ids, false);
    },
  },
  {
    rule: "an unknown attribute uuid is added (§2.6 step 4)",
    local: local(),
    incoming: incoming({ Attribute: [sampleAttribute(7)] }),
    status: "updated",
    reason: /newer/,
    check: (event) => equal(event?.Attribute?.length, 3),
  },
  {
    rule: "soft deletes travel as deleted: true with a newer timestamp (§2.6 step 4)",
    local: local(),
    incoming: incoming({
      Attribute: [sampleAttribute(1, { deleted: true, timestamp: "1700000001" })],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => equal(event?.Attribute?.[0]?.deleted, true),
  },
  {
    rule: "nothing absent from the payload is deleted (§2.6 step 9)",
    local: local(),
    incoming: incoming({ Attribute: [], Object: [], Tag: [] }),
    status: "updated",
    reason: /newer/,
    check: (event) => {
      equal(event?.Attribute?.length, 2);
      equal(event?.Object?.length, 1);
      deepEqual(event?.Tag, [{ name: "tlp:green" }]);
    },
  },
  {
    rule: "the same attribute uuid in another place is skipped as a duplicate (§2.6 step 4)",
    local: local(),
    incoming: incoming({
      Object: [
        sampleObject(1, {
          timestamp: "1700000001",
          Attribute: [sampleAttribute(1, { object_relation: "ip", type: "ip-dst" })],
        }),
      ],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => equal(event?.Object?.[0]?.Attribute?.length, 1),
  },
  {
    rule: "an object not strictly newer is ignored with all its attributes (§2.6 step 5)",
    local: local(),
    incoming: incoming({
      Object: [sampleObject(1, {
        comment: "new comment",
        Attribute: [sampleAttribute(1001, {
          type: "domain",
          value: "changed.example.com",
          object_relation: "domain",
          timestamp: "1700000050",
        })],
      })],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => {
      equal(event?.Object?.[0]?.comment, "");
      equal(event?.Object?.[0]?.Attribute?.[0]?.value, "host1.example.com");
    },
  },
  {
    rule:
      "a newer object takes its fields and merges its attributes by their own timestamps (§2.6 step 5)",
    local: local(),
    incoming: incoming({
      Object: [sampleObject(1, {
        timestamp: "1700000001",
        comment: "new comment",
        Attribute: [sampleAttribute(1001, {
          type: "domain",
          value: "changed.example.com",
          object_relation: "domain",
          timestamp: "1700000001",
        })],
      })],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => {
      equal(event?.Object?.[0]?.comment, "new comment");
      equal(event?.Object?.[0]?.Attribute?.[0]?.value, "changed.example.com");
    },
  },
  {
    rule: "a deleted object cascades deleted to its attributes (§2.6 step 5)",
    local: local(),
    incoming: incoming({ Object: [sampleObject(1, { timestamp: "1700000001", deleted: true })] }),
    status: "updated",
    reason: /newer/,
    check: (event) => equal(event?.Object?.[0]?.Attribute?.[0]?.deleted, true),
  },
  {
    rule: "a new reference is kept only when its target is in the event (§2.6 step 6)",
    local: local(),
    incoming: incoming({
      Object: [sampleObject(1, {
        timestamp: "1700000001",
        ObjectReference: [
          {
            uuid: uuidN(1, "dddddddd"),
            referenced_uuid: sampleAttribute(1).uuid,
            relationship_type: "related-to",
            timestamp: "1700000001",
          },
          {
            uuid: uuidN(2, "dddddddd"),
            referenced_uuid: uuidN(404, "ffffffff"),
            relationship_type: "related-to",
            timestamp: "1700000001",
          },
        ],
      })],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => {
      deepEqual(event?.Object?.[0]?.ObjectReference?.map((r) => r.uuid), [uuidN(1, "dddddddd")]);
    },
  },
  {
    rule: "event reports follow the strictly-newer rule (§2.6 step 7)",
    local: local({
      EventReport: [{ uuid: uuidN(1, "abababab"), name: "r", content: "old", timestamp: "5" }],
    }),
    incoming: incoming({
      EventReport: [{ uuid: uuidN(1, "abababab"), name: "r", content: "new", timestamp: "5" }],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => equal(event?.EventReport?.[0]?.content, "old"),
  },
  {
    rule: "tags are added, and removed only when they arrive with deleted: true (§2.6 step 8)",
    local: local({ Tag: [{ name: "tlp:green" }, { name: "keep" }] }),
    incoming: incoming({
      Tag: [{ name: "new-tag" }, { name: "tlp:green", deleted: true } as never],
    }),
    status: "updated",
    reason: /newer/,
    check: (event) => deepEqual(event?.Tag?.map((t) => t.name), ["keep", "new-tag"]),
  },
];

for (const c of cases) {
  Deno.test(`mergeEvent() follows MISP: ${c.rule}`, () => {
    const result = mergeEvent(c.local, c.incoming, c.policy ?? POLICY);
    equal(result.status, c.status, result.reason);
    ok(c.reason.test(result.reason), `reason "${result.reason}" should match ${c.reason}`);
    if (c.status === "new" || c.status === "updated") ok(result.event);
    else equal(result.event, undefined);
    c.check?.(result.event);
  });
}

Deno.test("mergeEvent() reports unchanged when a newer event brings no newer element and same fields", () => {
  const base = local();
  const result = mergeEvent(base, { ...base, timestamp: base.timestamp }, POLICY);
  equal(result.status, "unchanged");
});

Deno.test("mergeEvent() keeps locked and counts what changed", () => {
  const result = mergeEvent(
    local(),
    incoming({ Attribute: [sampleAttribute(1, { timestamp: "1700000001", value: "x" })] }),
    POLICY,
  );
  equal(result.event?.locked, true);
  equal(result.changes.attributesUpdated, 1);
  deepEqual(result.changes.fields, ["timestamp"]);
});
