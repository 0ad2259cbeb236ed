import { deepEqual, equal } from "node:assert/strict";
import {
  arrayField,
  isJsonObject,
  numberField,
  stringField,
  stringsField,
} from "../../src/catalog/json_shape.ts";

Deno.test("isJsonObject() accepts objects only, not arrays or null", () => {
  equal(isJsonObject({}), true);
  equal(isJsonObject([]), false);
  equal(isJsonObject(null), false);
  equal(isJsonObject("x"), false);
});

Deno.test("the field readers return a field only when it has the expected type", () => {
  const json = { s: "x", n: 3, inf: Infinity, a: [1, "b"], o: {} };
  equal(stringField(json, "s"), "x");
  equal(stringField(json, "n"), undefined);
  equal(numberField(json, "n"), 3);
  equal(numberField(json, "inf"), undefined);
  deepEqual(arrayField(json, "a"), [1, "b"]);
  equal(arrayField(json, "o"), undefined);
  deepEqual(stringsField(json, "a"), ["b"]);
});
