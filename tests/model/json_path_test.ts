import { deepEqual } from "node:assert/strict";
import { childPath, pathOf } from "../../src/model/mod.ts";

Deno.test("childPath() uses dots for plain keys and brackets for indexes and odd keys", () => {
  deepEqual(pathOf("Event", "Attribute", 3, "value"), "Event.Attribute[3].value");
  deepEqual(childPath("Object[0]", "meta-category"), "Object[0].meta-category");
  deepEqual(childPath("meta", "name attribution"), 'meta["name attribution"]');
  deepEqual(childPath("", "Event"), "Event");
});
