import { deepEqual, equal } from "node:assert/strict";
import { FindingSink, where } from "../../src/catalog/mod.ts";

Deno.test("FindingSink.uuid() accepts well-formed uuids, ignores absent ones and reports the rest", () => {
  const sink = new FindingSink();
  equal(sink.uuid("f", "x.uuid", "uuid", "5B4EE3EA-EEE3-4C8E-8323-85AE32658754"), true);
  equal(sink.uuid("f", "x.uuid", "uuid", undefined), false);
  equal(sink.uuid("f", "x.uuid", "uuid", "abc"), false);
  equal(sink.uuid("f", "x.uuid", "uuid", 7), false);
  deepEqual(sink.findings.map((f) => f.issue.message), [
    '"abc" is not a well-formed uuid',
    "7 is not a well-formed uuid",
  ]);
});

Deno.test("where() shows a file alone or with its JSON path", () => {
  equal(where({ file: "a.json", path: "" }), "a.json");
  equal(where({ file: "a.json", path: "values[1].uuid" }), "a.json values[1].uuid");
});
