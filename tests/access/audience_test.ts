import { equal } from "node:assert/strict";
import { describeAudience } from "../../src/access/mod.ts";

Deno.test("describeAudience() names each kind of audience", () => {
  equal(describeAudience({ kind: "public" }), "public (anyone)");
  equal(describeAudience({ kind: "internal" }), "internal (this organisation)");
  equal(describeAudience({ kind: "org", org: "x" }), "organisation x");
  equal(describeAudience({ kind: "sharing-group", sharingGroup: "y" }), "sharing group y");
});
