import { deepEqual, equal } from "node:assert/strict";
import { parseFeedDefinition, shapeFeedEvent } from "../../src/feed/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject, uuidN } from "../support/sample_events.ts";

function definition(extra: object = {}, filters: object = {}) {
  return parseFeedDefinition({ audience: "internal", filters, ...extra }, "f").definition!;
}

function event() {
  const deleted = sampleAttribute(3, { deleted: true });
  return sampleEvent({
    distribution: "4",
    SharingGroup: { uuid: uuidN(1, "5a5a5a5a"), name: "G" },
    Attribute: [
      sampleAttribute(1),
      sampleAttribute(2, { type: "yara", value: "rule x {}" }),
      deleted,
    ],
    Object: [
      sampleObject(1, {
        ObjectReference: [
          { uuid: uuidN(1, "cccccccc"), referenced_uuid: deleted.uuid },
          { uuid: uuidN(2, "cccccccc"), referenced_uuid: uuidN(1, "aaaaaaaa") },
        ],
      }),
      sampleObject(2, { deleted: true }),
    ],
    EventReport: [{ uuid: uuidN(1, "dddddddd"), name: "r", deleted: true }],
  });
}

Deno.test("shapeFeedEvent() drops deleted elements and references to them by default", () => {
  const out = shapeFeedEvent(event(), definition());
  deepEqual(out.Attribute!.map((a) => a.uuid), [uuidN(1, "aaaaaaaa"), uuidN(2, "aaaaaaaa")]);
  deepEqual(out.Object!.map((o) => o.uuid), [uuidN(1, "bbbbbbbb")]);
  deepEqual(out.Object![0]!.ObjectReference!.map((r) => r.uuid), [uuidN(2, "cccccccc")]);
  deepEqual(out.EventReport, []);
});

Deno.test("shapeFeedEvent() keeps deleted elements with includeDeleted", () => {
  const out = shapeFeedEvent(event(), definition({}, { includeDeleted: true }));
  equal(out.Attribute!.length, 3);
  equal(out.Object!.length, 2);
  equal(out.Object![0]!.ObjectReference!.length, 2);
  equal(out.EventReport!.length, 1);
});

Deno.test("shapeFeedEvent() leaves out excluded attribute types, inside objects too", () => {
  const out = shapeFeedEvent(
    event(),
    definition({}, { excludeAttributeTypes: ["yara", "domain"] }),
  );
  deepEqual(out.Attribute!.map((a) => a.type), ["ip-dst"]);
  deepEqual(out.Object![0]!.Attribute, []);
});

Deno.test("shapeFeedEvent() strips distribution fields unless emitDistribution", () => {
  const stripped = shapeFeedEvent(event(), definition());
  equal(stripped.distribution ?? stripped.SharingGroup, undefined);
  equal(stripped.Attribute![0]!.distribution, undefined);
  equal(stripped.Object![0]!.Attribute![0]!.distribution, undefined);
  equal(JSON.stringify(stripped).includes('"distribution"'), false);
  const kept = shapeFeedEvent(event(), definition({ emitDistribution: true }));
  equal(kept.distribution, "4");
  equal(kept.SharingGroup?.name, "G");
  equal(kept.Attribute![0]!.distribution, "5");
});
