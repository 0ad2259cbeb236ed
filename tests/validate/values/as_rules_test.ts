import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (strip AS, asdot → asplain) and §4.4 (0..4294967295), §13.16.
testValueCases([
  ["AS", "1234", "valid"],
  ["AS", "0", "valid"],
  ["AS", "4294967295", "valid"],
  ["AS", "AS1234", { stored: "1234" }],
  ["AS", "as1234", { stored: "1234" }],
  ["AS", "1.10", { stored: "65546" }],
  ["AS", "AS65535.65535", { stored: "4294967295" }],
  ["AS", "4294967296", { error: "value.as" }],
  ["AS", "AS", { error: "value.as" }],
  ["AS", "-1", { error: "value.as" }],
  ["AS", "AS12x", { error: "value.as" }],
  ["AS", "1.2.3", { error: "value.as" }],
]);
