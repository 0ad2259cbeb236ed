// The three-way merge behind `kura merge-file`: two edits of one event merge by meaning.
import { deepEqual, equal } from "node:assert/strict";
import { mergeThreeWay } from "../../src/merge/mod.ts";

const A1 = {
  uuid: "aaaaaaaa-0000-4000-8000-000000000001",
  value: "198.51.100.1",
  timestamp: "100",
};
const A2 = {
  uuid: "aaaaaaaa-0000-4000-8000-000000000002",
  value: "198.51.100.2",
  timestamp: "100",
};
const A3 = {
  uuid: "aaaaaaaa-0000-4000-8000-000000000003",
  value: "198.51.100.3",
  timestamp: "300",
};
const base = {
  Event: {
    uuid: "e",
    info: "x",
    timestamp: "100",
    Attribute: [A1, A2],
    Tag: [{ name: "tlp:green" }],
  },
};

Deno.test("mergeThreeWay() takes both sides' new attributes, tags and fields; the later timestamp wins", () => {
  const ours = {
    Event: { ...base.Event, timestamp: "300", Attribute: [A1, A2, A3], comment: "ours" },
  };
  const A4 = { ...A3, uuid: "aaaaaaaa-0000-4000-8000-000000000004", value: "198.51.100.4" };
  const theirs = {
    Event: {
      ...base.Event,
      timestamp: "200",
      info: "renamed",
      Attribute: [A1, A2, A4],
      Tag: [{ name: "tlp:green" }, { name: "TLP:GREEN" }],
    },
  };
  const { value, conflicts } = mergeThreeWay(base, ours, theirs);
  deepEqual(conflicts, []);
  deepEqual(value, {
    Event: {
      uuid: "e",
      info: "renamed",
      timestamp: "300",
      comment: "ours",
      Attribute: [A1, A2, A3, A4],
      Tag: [{ name: "tlp:green" }, { name: "TLP:GREEN" }],
    },
  });
});

Deno.test("mergeThreeWay() merges two edits of one attribute field by field, and honours deletions", () => {
  const ours = {
    Event: { ...base.Event, Attribute: [{ ...A1, comment: "c2", timestamp: "150" }] },
  };
  const theirs = {
    Event: { ...base.Event, Attribute: [{ ...A1, to_ids: true, timestamp: "160" }, A2], Tag: [] },
  };
  const { value, conflicts } = mergeThreeWay(base, ours, theirs);
  deepEqual(conflicts, []);
  deepEqual((value as typeof base).Event.Attribute, [
    { ...A1, comment: "c2", to_ids: true, timestamp: "160" },
  ]);
  deepEqual((value as typeof base).Event.Tag, []);
});

Deno.test("mergeThreeWay() reports what both changed differently and keeps ours, or the surviving side", () => {
  const ours = {
    Event: { ...base.Event, Attribute: [{ ...A1, value: "198.51.100.9" }] },
  };
  const theirs = {
    Event: {
      ...base.Event,
      Attribute: [{ ...A1, value: "198.51.100.8" }, { ...A2, comment: "kept" }],
    },
  };
  const { value, conflicts } = mergeThreeWay(base, ours, theirs, "");
  deepEqual(conflicts.map((c) => [c.path, c.kept, c.ours, c.theirs]), [
    [`Event.Attribute[uuid=${A1.uuid}].value`, "ours", "198.51.100.9", "198.51.100.8"],
    [`Event.Attribute[uuid=${A2.uuid}]`, "theirs", undefined, { ...A2, comment: "kept" }],
  ]);
  deepEqual((value as typeof base).Event.Attribute, [
    { ...A1, value: "198.51.100.9" },
    { ...A2, comment: "kept" },
  ]);
});

Deno.test("mergeThreeWay() merges files both sides added, and leaves equal edits alone", () => {
  const { value, conflicts } = mergeThreeWay(undefined, { a: [1, 2] }, { a: [2, 3] });
  deepEqual(conflicts, []);
  deepEqual(value, { a: [1, 2, 3] });
  equal(mergeThreeWay(base, base, base).value, base);
  deepEqual(mergeThreeWay({ x: 1 }, { x: 2 }, { x: 2 }), { value: { x: 2 }, conflicts: [] });
  deepEqual(mergeThreeWay({ x: 1, y: 1 }, { y: 1 }, { x: 1 }).value, {});
});
