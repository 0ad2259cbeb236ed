import { deepEqual, equal, rejects } from "node:assert/strict";
import { buildChecks } from "../../src/publish/mod.ts";
import { REFUSING_CHECKS } from "../support/refusing_checks.ts";
import { sampleEvent } from "../support/sample_events.ts";

Deno.test("buildChecks() gives no checks without a source", async () => {
  deepEqual(await buildChecks(undefined), []);
});

Deno.test("buildChecks() calls the named builder of the module with the arguments", async () => {
  const checks = await buildChecks({
    module: REFUSING_CHECKS,
    name: "refuseInfoContaining",
    args: ["secret"],
  });
  equal(checks.length, 1);
  equal(checks[0]!(sampleEvent({ info: "a secret" }))[0]?.code, "test.refused");
  deepEqual(checks[0]!(sampleEvent({ info: "public" })), []);
});

Deno.test("buildChecks() fails naming the module when the builder does not exist", async () => {
  await rejects(
    buildChecks({ module: REFUSING_CHECKS, name: "nothing", args: [] }),
    /does not export a function "nothing"/,
  );
});
