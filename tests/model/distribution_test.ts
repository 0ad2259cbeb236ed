import { deepEqual } from "node:assert/strict";
import { parseDistribution } from "../../src/model/mod.ts";

Deno.test("parseDistribution() accepts 0–5 as strings or numbers and nothing else", () => {
  deepEqual(parseDistribution("0"), 0);
  deepEqual(parseDistribution(5), 5);
  deepEqual(parseDistribution("6"), undefined);
  deepEqual(parseDistribution("3 "), undefined);
  deepEqual(parseDistribution(null), undefined);
  deepEqual(parseDistribution(2.5), undefined);
});
