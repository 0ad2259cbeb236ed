import { equal } from "node:assert/strict";
import { normalizeDateTime, parseDateTime } from "../../../src/validate/values/datetime_rule.ts";
import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (stored as Y-m-d\TH:i:s.uO in GMT) and §4.4 (strtotime succeeds).
testValueCases([
  ["datetime", "2019-06-02T22:14:28.711954+0000", "valid"],
  ["datetime", "2019-06-02T22:14:28Z", { stored: "2019-06-02T22:14:28.000000+0000" }],
  ["datetime", "2019-06-02 22:14:28", { stored: "2019-06-02T22:14:28.000000+0000" }],
  ["datetime", "2019-06-03T00:14:28.5+02:00", { stored: "2019-06-02T22:14:28.500000+0000" }],
  ["datetime", "2019-06-02", { stored: "2019-06-02T00:00:00.000000+0000" }],
  ["datetime", "@1559513668", { stored: "2019-06-02T22:14:28.000000+0000" }],
  ["datetime", "2024-02-29T00:00:00Z", { stored: "2024-02-29T00:00:00.000000+0000" }],
  ["datetime", "2023-02-29", { error: "value.datetime" }],
  ["datetime", "2019-13-01", { error: "value.datetime" }],
  ["datetime", "2019-06-02T25:00:00Z", { error: "value.datetime" }],
  ["datetime", "yesterday", { error: "value.datetime" }],
  ["datetime", "02/06/2019", { error: "value.datetime" }],
]);

Deno.test("parseDateTime() keeps microseconds beyond the millisecond", () => {
  equal(parseDateTime("2019-06-02T22:14:28.711954Z")?.micros, 954);
  equal(normalizeDateTime("2019-06-02T22:14:28.7119549Z"), "2019-06-02T22:14:28.711954+0000");
});

Deno.test("normalizeDateTime() writes years before 100 as four digits", () => {
  equal(normalizeDateTime("0042-01-01"), "0042-01-01T00:00:00.000000+0000");
});
