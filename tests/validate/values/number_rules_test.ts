import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.4 (is_numeric, non-negative integers, boolean) and §13.16 (integer).
testValueCases([
  ["float", "3.14", "valid"],
  ["float", "-1e-3", "valid"],
  ["float", ".5", "valid"],
  ["float", "1.", "valid"],
  ["float", "0x1A", { error: "value.float" }],
  ["float", "1,5", { error: "value.float" }],
  // MISP's is_int refuses every string (§13.16); whole numbers are accepted here.
  ["integer", "42", "valid"],
  ["integer", "-42", "valid"],
  ["integer", "4.2", { error: "value.integer" }],
  ["integer", "forty", { error: "value.integer" }],
  ["size-in-bytes", "0", "valid"],
  ["size-in-bytes", "1024", "valid"],
  ["size-in-bytes", "-1", { error: "value.size-in-bytes" }],
  ["counter", "7", "valid"],
  ["counter", "7.5", { error: "value.counter" }],
  ["boolean", "1", "valid"],
  ["boolean", "0", "valid"],
  ["boolean", "true", { stored: "1" }],
  ["boolean", "FALSE", { stored: "0" }],
  // MISP would store "1" for any other text; kura refuses to guess.
  ["boolean", "yes", { error: "value.boolean" }],
]);
