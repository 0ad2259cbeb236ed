import { deepEqual, equal, ok } from "node:assert/strict";
import type { Issue, MispEvent } from "../../src/model/mod.ts";
import { validateEvent } from "../../src/validate/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject, uuidN } from "../support/sample_events.ts";

function codes(issues: Issue[]): string[] {
  return issues.map((issue) => issue.code);
}

function expectIssue(event: MispEvent, code: string, path: string, severity = "error"): void {
  const issues = validateEvent(event);
  const found = issues.find((issue) => issue.code === code);
  ok(found, `expected ${code}, got ${JSON.stringify(issues)}`);
  equal(found.path, path);
  equal(found.severity, severity);
}

Deno.test("validateEvent() finds nothing wrong in a sound event with an object", () => {
  deepEqual(validateEvent(sampleEvent({ Object: [sampleObject(1)] })), []);
});

// Event fields, misp-behaviour.md §5 and misp-formats.md §5.4.
const eventCases: [string, Partial<MispEvent>, string, string][] = [
  ["no uuid", { uuid: undefined }, "event.uuid.missing", "Event.uuid"],
  ["an invalid uuid", { uuid: "a" }, "event.uuid.invalid", "Event.uuid"],
  ["no info", { info: "" }, "event.info.missing", "Event.info"],
  ["an impossible date", { date: "2023-02-29" }, "event.date.invalid", "Event.date"],
  [
    "threat level 5",
    { threat_level_id: "5" },
    "event.threat_level_id.invalid",
    "Event.threat_level_id",
  ],
  ["analysis 3", { analysis: "3" }, "event.analysis.invalid", "Event.analysis"],
  ["analysis as a word", { analysis: "Completed" }, "event.analysis.word", "Event.analysis"],
  [
    "distribution 5 (inherit is not valid on events)",
    { distribution: "5" },
    "event.distribution.invalid",
    "Event.distribution",
  ],
  [
    "distribution 4 without a sharing group",
    { distribution: "4" },
    "event.sharing_group.missing",
    "Event.sharing_group_id",
  ],
  [
    "a sharing group id with distribution 3",
    { sharing_group_id: "7" },
    "event.sharing_group.unexpected",
    "Event.sharing_group_id",
  ],
  [
    "a timestamp that is not epoch seconds",
    { timestamp: "2024-01-01" },
    "event.timestamp.invalid",
    "Event.timestamp",
  ],
  ["no creator org", { Orgc: undefined }, "event.orgc.missing", "Event.Orgc"],
  [
    "an invalid extends_uuid",
    { extends_uuid: "x" },
    "event.extends_uuid.invalid",
    "Event.extends_uuid",
  ],
];
for (const [what, change, code, path] of eventCases) {
  Deno.test(`validateEvent() reports ${code} when the event has ${what}`, () => {
    expectIssue(sampleEvent(change), code, path);
  });
}

Deno.test("validateEvent() accepts distribution 4 with a SharingGroup carrying a uuid", () => {
  const event = sampleEvent({
    distribution: "4",
    sharing_group_id: "1",
    SharingGroup: {
      uuid: uuidN(5),
      name: "Partners",
      SharingGroupOrg: [{ Organisation: { uuid: uuidN(6), name: "B" } }],
    },
  });
  deepEqual(validateEvent(event), []);
});

Deno.test("validateEvent() warns about a multi-line info (RFC: one line)", () => {
  expectIssue(
    sampleEvent({ info: "line one\nline two" }),
    "event.info.newline",
    "Event.info",
    "warning",
  );
});

Deno.test("validateEvent() flags timestamps far in the future only when given the time", () => {
  const event = sampleEvent({ timestamp: "4102444800" });
  deepEqual(validateEvent(event), []);
  ok(codes(validateEvent(event, { now: 1700000000 })).includes("event.timestamp.future"));
});

// Attributes, misp-behaviour.md §4.
const attributeCases: [string, Record<string, unknown>, string, string][] = [
  ["an unknown type", { type: "ip" }, "attribute.type.unknown", "type"],
  [
    "a type not allowed in its category",
    { type: "md5", category: "Network activity", value: "d41d8cd98f00b204e9800998ecf8427e" },
    "attribute.category.type",
    "category",
  ],
  ["an unknown category", { category: "Stuff" }, "attribute.category.unknown", "category"],
  ["no value", { value: undefined }, "attribute.value.missing", "value"],
  ["distribution 6", { distribution: "6" }, "attribute.distribution.invalid", "distribution"],
  [
    "distribution 4 without a sharing group",
    { distribution: "4" },
    "attribute.sharing_group.missing",
    "sharing_group_id",
  ],
  [
    "last_seen before first_seen",
    { first_seen: "2024-01-02T00:00:00.000000+00:00", last_seen: "2024-01-01T00:00:00+00:00" },
    "attribute.seen.order",
    "last_seen",
  ],
  [
    "a first_seen that is not a date",
    { first_seen: "yesterday" },
    "attribute.first_seen.invalid",
    "first_seen",
  ],
  ["no uuid", { uuid: undefined }, "attribute.uuid.missing", "uuid"],
];
for (const [what, change, code, field] of attributeCases) {
  Deno.test(`validateEvent() reports ${code} when an attribute has ${what}`, () => {
    const event = sampleEvent({ Attribute: [sampleAttribute(1), sampleAttribute(2, change)] });
    expectIssue(event, code, `Event.Attribute[1].${field}`);
  });
}

Deno.test("validateEvent() orders seen-times by microseconds, not only seconds", () => {
  const event = sampleEvent({
    Attribute: [
      sampleAttribute(1, {
        first_seen: "2024-01-01T00:00:00.000002+00:00",
        last_seen: "2024-01-01T00:00:00.000001+00:00",
      }),
    ],
  });
  ok(codes(validateEvent(event)).includes("attribute.seen.order"));
});

Deno.test("validateEvent() requires object_relation on object attributes only", () => {
  const object = sampleObject(1);
  object.Attribute![0]!.object_relation = null;
  expectIssue(
    sampleEvent({ Object: [object] }),
    "attribute.object_relation.missing",
    "Event.Object[0].Attribute[0].object_relation",
  );
});

Deno.test("validateEvent() reports a uuid used twice across attributes and objects", () => {
  const object = sampleObject(1);
  object.Attribute![0]!.uuid = uuidN(2, "aaaaaaaa");
  expectIssue(
    sampleEvent({ Object: [object] }),
    "event.uuid.duplicate",
    "Event.Object[0].Attribute[0].uuid",
  );
});

Deno.test("validateEvent() checks object references: target, relationship and source", () => {
  const object = sampleObject(1, {
    ObjectReference: [
      { uuid: uuidN(1, "cccccccc"), referenced_uuid: "nope", relationship_type: "" },
      {
        uuid: uuidN(2, "cccccccc"),
        object_uuid: uuidN(9),
        referenced_uuid: uuidN(1, "aaaaaaaa"),
        relationship_type: "resolves-to",
      },
      {
        uuid: uuidN(3, "cccccccc"),
        referenced_uuid: uuidN(1, "aaaaaaaa"),
        relationship_type: "x",
        referenced_type: "2",
      },
    ],
  });
  const issues = validateEvent(sampleEvent({ Object: [object] }));
  const found = issues.map((issue) => `${issue.code}@${issue.path}`);
  ok(
    found.includes(
      "reference.referenced_uuid.invalid@Event.Object[0].ObjectReference[0].referenced_uuid",
    ),
    found.join("\n"),
  );
  ok(
    found.includes(
      "reference.relationship_type.missing@Event.Object[0].ObjectReference[0].relationship_type",
    ),
  );
  ok(found.includes("reference.source.mismatch@Event.Object[0].ObjectReference[1].object_uuid"));
  // The nesting decides the source (MISP captures references per object): a warning, not an error.
  equal(issues.find((issue) => issue.code === "reference.source.mismatch")?.severity, "warning");
  ok(
    found.includes(
      "reference.referenced_type.invalid@Event.Object[0].ObjectReference[2].referenced_type",
    ),
  );
});

Deno.test("validateEvent() reports an object without a name and an invalid template_version", () => {
  const object = sampleObject(1, { name: "", template_version: "v2" });
  const found = codes(validateEvent(sampleEvent({ Object: [object] })));
  ok(found.includes("object.name.missing"));
  ok(found.includes("object.template_version.invalid"));
});

Deno.test("validateEvent() runs plugged-in checks and turns a crashing one into an issue", () => {
  const issues = validateEvent(sampleEvent(), {
    checks: [
      () => [{ code: "custom.rule", severity: "warning", path: "Event", message: "custom" }],
      () => {
        throw new Error("bug");
      },
    ],
  });
  deepEqual(codes(issues), ["custom.rule", "check.crashed"]);
});

Deno.test("validateEvent() reports a tag without a name and a repeated tag", () => {
  const found = codes(
    validateEvent(
      sampleEvent({ Tag: [{ name: "tlp:green" }, { name: "tlp:green" }, { colour: "#fff" }] }),
    ),
  );
  ok(found.includes("tag.duplicate"));
  ok(found.includes("tag.name.missing"));
});
