import { deepEqual, equal } from "node:assert/strict";
import { checkSchema, firstDuplicate, jsonEqual, type SchemaNode } from "../../src/catalog/mod.ts";

function violations(value: unknown, schema: SchemaNode): string[] {
  const found: string[] = [];
  checkSchema(
    value,
    schema,
    (path, keyword, message) => found.push(`${path} ${keyword}: ${message}`),
  );
  return found;
}

const schema: SchemaNode = {
  type: "object",
  additional: false,
  required: ["name", "version"],
  properties: {
    name: { type: "string", minLength: 1 },
    version: { type: "integer" },
    score: { type: "number" },
    kind: { type: "string", enum: ["a", "b"] },
    tags: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string" } },
    meta: { type: "object", additional: { type: "boolean" } },
    maybe: { type: "object", ifObject: true, properties: { x: { type: "integer" } } },
  },
};

// python-jsonschema semantics for these keywords (misp-formats.md §1.2 was checked with 4.26).
const cases: [string, unknown, string[]][] = [
  ["a valid document", { name: "n", version: 1.0, score: 2.5, tags: ["x"], meta: { a: true } }, []],
  ["missing required keys", {}, [
    ' required: required key "name" is missing',
    ' required: required key "version" is missing',
  ]],
  ["an extra key", { name: "n", version: 1, extra: 1 }, [
    'extra additional: key "extra" is not allowed here',
  ]],
  ["a fraction where an integer is due", { name: "n", version: 1.5 }, [
    "version type: must be an integer, got 1.5",
  ]],
  ["a boolean where a number is due", { name: "n", version: 1, score: true }, [
    "score type: must be a number, got true",
  ]],
  ["an empty string", { name: "", version: 1 }, ["name min-length: must not be empty"]],
  ["a value outside the enum", { name: "n", version: 1, kind: "c" }, [
    'kind enum: "c" is not one of the allowed values',
  ]],
  ["an empty array", { name: "n", version: 1, tags: [] }, [
    "tags min-items: must have at least 1 item(s)",
  ]],
  ["repeated items", { name: "n", version: 1, tags: ["x", "y", "x"] }, [
    "tags[2] unique-items: equals item [0]; the items must be unique",
  ]],
  ["a wrong item type", { name: "n", version: 1, tags: [1] }, [
    "tags[0] type: must be a string, got 1",
  ]],
  ["a wrong additional value", { name: "n", version: 1, meta: { "a b": 1 } }, [
    'meta["a b"] type: must be a boolean, got 1',
  ]],
  ["a non-object where the schema names no type", { name: "n", version: 1, maybe: "s" }, []],
  ["a root of the wrong type", [], [" type: must be an object, got an array"]],
];

for (const [what, value, expected] of cases) {
  Deno.test(`checkSchema() reports ${what}`, () => {
    deepEqual(violations(value, schema), expected);
  });
}

Deno.test("firstDuplicate() finds JSON-equal objects whatever their key order", () => {
  deepEqual(firstDuplicate([{ a: 1, b: [1] }, { a: 2 }, { b: [1], a: 1 }]), [0, 2]);
  equal(firstDuplicate([{ a: 1, b: [1] }, { a: 1, b: [2] }]), undefined);
  equal(firstDuplicate([1, "1", true, null]), undefined);
});

Deno.test("jsonEqual() compares by value, not by reference or key order", () => {
  equal(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] }), true);
  equal(jsonEqual({ a: 1 }, { a: 1, b: 2 }), false);
  equal(jsonEqual([1], { 0: 1 }), false);
});
