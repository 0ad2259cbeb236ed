import { deepEqual } from "node:assert/strict";
import { fieldsThenModels, sortedKeys, stringifyCanonical } from "../../src/model/mod.ts";

Deno.test("stringifyCanonical() puts fields before nested models when using the default order", () => {
  const text = stringifyCanonical({ Tag: [], uuid: "u", Attribute: [], info: "i" });
  deepEqual(text, '{\n  "info": "i",\n  "uuid": "u",\n  "Attribute": [],\n  "Tag": []\n}\n');
});

Deno.test("stringifyCanonical() matches JSON.stringify(…, 2) formatting when keys are already sorted", () => {
  const value = { a: [1, { b: null, c: "x\ny" }], d: {}, e: [], f: true, g: 1.5, h: "é" };
  deepEqual(
    stringifyCanonical(value, { keyOrder: sortedKeys }),
    JSON.stringify(value, null, 2) + "\n",
  );
});

Deno.test("stringifyCanonical() keeps integer-like keys in the requested order", () => {
  // JSON.stringify would put "10" before "9" and before "a"; the canonical writer does not.
  const text = stringifyCanonical({ a: 1, "9": 2, "10": 3 }, {
    keyOrder: sortedKeys,
    trailingNewline: false,
  });
  deepEqual(text, '{\n  "10": 3,\n  "9": 2,\n  "a": 1\n}');
});

Deno.test("stringifyCanonical() escapes non-ASCII when asciiOnly is set, as Python's json.dumps does", () => {
  deepEqual(stringifyCanonical("日本 é", { asciiOnly: true }), '"\\u65e5\\u672c \\u00e9"\n');
});

Deno.test("stringifyCanonical() omits undefined members and writes null for undefined items", () => {
  deepEqual(
    stringifyCanonical({ a: undefined, b: [undefined] }, { trailingNewline: false }),
    '{\n  "b": [\n    null\n  ]\n}',
  );
});

Deno.test("fieldsThenModels() orders lower-case keys before capitalised ones", () => {
  deepEqual(["Tag", "value", "Attribute", "uuid"].sort(fieldsThenModels), [
    "uuid",
    "value",
    "Attribute",
    "Tag",
  ]);
});
