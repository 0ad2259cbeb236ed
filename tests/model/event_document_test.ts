import { deepEqual, ok } from "node:assert/strict";
import { formatEventDocument, parseEventDocument } from "../../src/model/mod.ts";
import { sampleEvent, uuidN } from "../support/sample_events.ts";

Deno.test("parseEventDocument() coerces numbers to MISP strings and 0/1 to booleans", () => {
  const parsed = parseEventDocument({
    Event: {
      uuid: uuidN(1),
      distribution: 3,
      timestamp: 1700000000,
      published: 1,
      Attribute: [{ uuid: uuidN(2), distribution: 5, to_ids: "0", deleted: "true", type: "md5" }],
      Object: [{ uuid: uuidN(3), template_version: 9, Attribute: [] }],
    },
  });
  deepEqual(parsed.issues, []);
  const event = parsed.event!;
  deepEqual(event.distribution, "3");
  deepEqual(event.timestamp, "1700000000");
  deepEqual(event.published, true);
  deepEqual(event.Attribute![0]!.distribution, "5");
  deepEqual(event.Attribute![0]!.to_ids, false);
  deepEqual(event.Attribute![0]!.deleted, true);
  deepEqual(event.Object![0]!.template_version, "9");
});

Deno.test("parseEventDocument() keeps unknown keys at every level", () => {
  const parsed = parseEventDocument({
    Event: {
      uuid: uuidN(1),
      RelatedEvent: [{ Event: { id: "3" } }],
      x_custom: { nested: [1, 2] },
      Attribute: [{ uuid: uuidN(2), Sighting: [{ type: "0" }], extra: 5 }],
    },
  });
  const event = parsed.event!;
  deepEqual(event.RelatedEvent, [{ Event: { id: "3" } }]);
  deepEqual(event.x_custom, { nested: [1, 2] });
  deepEqual(event.Attribute![0]!.Sighting, [{ type: "0" }]);
  deepEqual(event.Attribute![0]!.extra, 5);
});

Deno.test("parseEventDocument() keeps null in nullable scalars such as first_seen and attribute_count", () => {
  const event = parseEventDocument({
    Event: {
      uuid: uuidN(1),
      attribute_count: null,
      Attribute: [{ first_seen: null, object_relation: null }],
    },
  }).event!;
  deepEqual(event.attribute_count, null);
  deepEqual(event.Attribute![0]!.first_seen, null);
});

const badRoots: [string, unknown, string][] = [
  ["an array", [], "document.root"],
  ["a string", "x", "document.root"],
  ["null", null, "document.root"],
  ["an object without Event", { uuid: "x" }, "document.root"],
  ["Event that is not an object", { Event: [1] }, "document.event"],
  ["extra root keys", { Event: {}, Other: 1 }, "document.root"],
];
for (const [what, json, code] of badRoots) {
  Deno.test(`parseEventDocument() reports ${code} when the root is ${what}`, () => {
    const parsed = parseEventDocument(json);
    ok(
      parsed.issues.some((issue) => issue.code === code && issue.severity === "error"),
      JSON.stringify(parsed.issues),
    );
  });
}

Deno.test("parseEventDocument() names the JSON path of a field with the wrong type", () => {
  const parsed = parseEventDocument({ Event: { Attribute: [{}, { value: { a: 1 } }] } });
  deepEqual(parsed.event, undefined);
  deepEqual(parsed.issues[0]!.path, "Event.Attribute[1].value");
  deepEqual(parsed.issues[0]!.code, "shape");
});

Deno.test("parseEventDocument() accepts an unwrapped event only when asked, reporting it", () => {
  const bare = { uuid: uuidN(1), info: "x" };
  deepEqual(parseEventDocument(bare).event, undefined);
  const lenient = parseEventDocument(bare, { acceptUnwrapped: true });
  deepEqual(lenient.event?.info, "x");
  deepEqual(lenient.issues[0]!.code, "document.unwrapped");
});

Deno.test("formatEventDocument() orders attributes and objects by uuid and is idempotent", () => {
  const event = sampleEvent({}, 3);
  event.Attribute!.reverse();
  const text = formatEventDocument(event);
  const again = formatEventDocument(parseEventDocument(JSON.parse(text)).event!);
  deepEqual(again, text);
  const uuids = JSON.parse(text).Event.Attribute.map((a: { uuid: string }) => a.uuid);
  deepEqual(uuids, [...uuids].sort());
  ok(text.endsWith("}\n"));
  ok(text.startsWith('{\n  "Event": {\n    "analysis": "1",'));
});

Deno.test("formatEventDocument() writes non-ASCII text as UTF-8, not escapes", () => {
  const text = formatEventDocument(sampleEvent({ info: "Kampagne gegen Bäckerei 日本" }));
  ok(text.includes("Bäckerei 日本"));
});
