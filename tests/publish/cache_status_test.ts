import { deepEqual } from "node:assert/strict";
import { emptyPass } from "../../src/publish/mod.ts";

Deno.test("emptyPass() starts a pass at the given time with nothing done", () => {
  deepEqual(emptyPass("2026-01-01T00:00:00.000Z"), {
    at: "2026-01-01T00:00:00.000Z",
    filesRead: 0,
    changedFeeds: [],
    invalid: [],
    recovered: [],
    brokenFeeds: [],
  });
});
