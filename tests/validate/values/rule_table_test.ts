import { deepEqual, equal } from "node:assert/strict";
import { ATTRIBUTE_TYPES, COMPOSITE_TYPES } from "../../../src/catalog/mod.ts";
import { RULE_FAMILIES, VALUE_RULES } from "../../../src/validate/values/rule_table.ts";
import { COMPOSITE_RULES } from "../../../src/validate/values/composite_rules.ts";

Deno.test("VALUE_RULES has exactly one rule for each of the 194 attribute types", () => {
  const seen = new Map<string, string>();
  for (const [family, rules] of Object.entries(RULE_FAMILIES)) {
    for (const type of rules.keys()) {
      equal(seen.get(type), undefined, `${type} is in ${family} and ${seen.get(type)}`);
      seen.set(type, family);
    }
  }
  deepEqual([...VALUE_RULES.keys()].sort(), [...ATTRIBUTE_TYPES].sort());
  equal(VALUE_RULES.size, 194);
});

Deno.test("COMPOSITE_RULES covers exactly the composite types of the catalog (§4.2)", () => {
  deepEqual([...COMPOSITE_RULES.keys()].sort(), [...COMPOSITE_TYPES].sort());
});
