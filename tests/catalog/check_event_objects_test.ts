import { deepEqual, equal } from "node:assert/strict";
import {
  Catalog,
  eventObjectCheck,
  type ObjectCheckOptions,
  uuidKinds,
} from "../../src/catalog/mod.ts";
import type { MispEvent, MispObject } from "../../src/model/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject, uuidN } from "../support/sample_events.ts";
import { FILE_TEMPLATE, sampleCatalog } from "../support/sample_catalog.ts";

function objectIssues(
  objects: MispObject[],
  overrides: Partial<MispEvent> = {},
  options: ObjectCheckOptions = {},
): string[] {
  const event = sampleEvent({ Object: objects, ...overrides });
  return eventObjectCheck(sampleCatalog(), options)(event).map((issue) =>
    `${issue.severity} ${issue.code} ${issue.path}`
  );
}

const relation = (n: number, object_relation: string, type: string, value: string) =>
  sampleAttribute(2000 + n, { object_relation, type, value, category: "Network activity" });

// Template conformity: misp-behaviour.md §6 (checkTemplateConformity, PyMISP _validate).
const cases: [string, MispObject[], string[]][] = [
  ["a conforming object", [sampleObject(1)], []],
  ["an unknown template", [sampleObject(1, { name: "nope", template_uuid: uuidN(9) })], [
    "warning object.template.unknown Event.Object[0].template_uuid",
  ]],
  ["an unknown relation", [sampleObject(1, { Attribute: [relation(1, "port", "port", "80")] })], [
    "error object.relation.unknown Event.Object[0].Attribute[0].object_relation",
    "error object.required-one-of Event.Object[0].Attribute",
  ]],
  ["a type that differs from the relation's", [
    sampleObject(1, { Attribute: [relation(1, "ip", "ip-src", "192.0.2.1")] }),
  ], ["error object.relation.type Event.Object[0].Attribute[0].type"]],
  ["a category the relation does not allow", [
    sampleObject(1, {
      Attribute: [sampleAttribute(1, {
        object_relation: "domain",
        type: "domain",
        value: "a.example",
        category: "Payload delivery",
      })],
    }),
  ], ["error object.relation.category Event.Object[0].Attribute[0].category"]],
  ["a relation without multiple given twice", [
    sampleObject(1, {
      Attribute: [
        relation(1, "ip", "ip-dst", "192.0.2.1"),
        relation(2, "text", "text", "a"),
        relation(3, "text", "text", "b"),
      ],
    }),
  ], ["error object.relation.multiple Event.Object[0].Attribute[2].object_relation"]],
  ["a multiple relation given twice", [
    sampleObject(1, {
      Attribute: [
        relation(1, "ip", "ip-dst", "192.0.2.1"),
        relation(2, "ip", "ip-dst", "192.0.2.2"),
      ],
    }),
  ], []],
  ["a missing required relation", [
    sampleObject(1, {
      name: "file",
      template_uuid: FILE_TEMPLATE.uuid,
      template_version: "25",
      Attribute: [sampleAttribute(1, {
        object_relation: "md5",
        type: "md5",
        value: "d41d8cd98f00b204e9800998ecf8427e",
        category: "Payload delivery",
      })],
    }),
  ], ["error object.required Event.Object[0].Attribute"]],
  ["an older template version (differences become warnings)", [
    sampleObject(1, {
      template_version: "7",
      Attribute: [relation(1, "ip", "ip-src", "192.0.2.1")],
    }),
  ], [
    "warning object.template.version Event.Object[0].template_version",
    "warning object.relation.type Event.Object[0].Attribute[0].type",
  ]],
  ["a template found by name whose uuid differs", [
    sampleObject(1, { name: "file", template_uuid: uuidN(5), template_version: "25" }),
  ], [
    "warning object.template.uuid Event.Object[0].template_uuid",
    "error object.relation.unknown Event.Object[0].Attribute[0].object_relation",
    "error object.required Event.Object[0].Attribute",
  ]],
  ["a deleted attribute, which does not count", [
    sampleObject(1, {
      Attribute: [
        relation(1, "ip", "ip-dst", "192.0.2.1"),
        { ...relation(2, "text", "text", "a"), deleted: true },
        relation(3, "text", "text", "b"),
      ],
    }),
  ], []],
  ["a deleted object, which is not checked", [
    sampleObject(1, { deleted: true, Attribute: [relation(1, "nope", "text", "a")] }),
  ], []],
];

for (const [what, objects, expected] of cases) {
  Deno.test(`eventObjectCheck() reports ${what}`, () => {
    deepEqual(objectIssues(objects), expected);
  });
}

Deno.test("eventObjectCheck() checks nothing against templates when no objects library is loaded", () => {
  const event = sampleEvent({
    Object: [sampleObject(1, { name: "nope", template_uuid: uuidN(9) })],
  });
  deepEqual(eventObjectCheck(new Catalog())(event), []);
});

const reference = (referenced_uuid: string, relationship_type = "related-to", extra = {}) => ({
  uuid: uuidN(77, "cccccccc"),
  referenced_uuid,
  relationship_type,
  timestamp: "1700000000",
  ...extra,
});

Deno.test("eventObjectCheck() accepts references to an attribute or object of the same event", () => {
  const target = sampleObject(2);
  const source = sampleObject(1, {
    ObjectReference: [
      reference(target.uuid!, "contains", { referenced_type: "1" }),
      reference(sampleAttribute(1).uuid!, "related-to", { referenced_type: "0" }),
    ],
  });
  deepEqual(objectIssues([source, target]), []);
});

Deno.test("eventObjectCheck() reports a dangling target, a wrong referenced_type and an unknown relationship", () => {
  const target = sampleObject(2);
  const source = sampleObject(1, {
    ObjectReference: [
      reference(uuidN(404), "related-to"),
      reference(target.uuid!, "befriends", { referenced_type: "0" }),
      reference(uuidN(405), "related-to", { deleted: true }),
    ],
  });
  deepEqual(objectIssues([source, target]), [
    "error reference.target.unknown Event.Object[0].ObjectReference[0].referenced_uuid",
    "warning reference.relationship_type.unknown Event.Object[0].ObjectReference[1].relationship_type",
    "warning reference.referenced_type.mismatch Event.Object[0].ObjectReference[1].referenced_type",
  ]);
});

Deno.test("eventObjectCheck() resolves references into the extended event, and warns when it cannot read it", () => {
  const parent = sampleEvent({ uuid: uuidN(50, "eeeeeeee"), Attribute: [sampleAttribute(60)] });
  const parentUuids = new Set(uuidKinds(parent).keys());
  const source = sampleObject(1, {
    ObjectReference: [reference(sampleAttribute(60).uuid!), reference(uuidN(404))],
  });
  const lookups: string[] = [];
  const uuidsOfEvent = (uuid: string) => {
    lookups.push(uuid);
    return uuid === parent.uuid ? parentUuids : undefined;
  };
  deepEqual(objectIssues([source], { extends_uuid: parent.uuid }, { uuidsOfEvent }), [
    "error reference.target.unknown Event.Object[0].ObjectReference[1].referenced_uuid",
  ]);
  deepEqual(objectIssues([source], { extends_uuid: uuidN(51) }, { uuidsOfEvent }), [
    "warning reference.target.unknown Event.Object[0].ObjectReference[0].referenced_uuid",
    "warning reference.target.unknown Event.Object[0].ObjectReference[1].referenced_uuid",
  ]);
  equal(lookups.includes(parent.uuid!), true);
});
