import { deepEqual, equal } from "node:assert/strict";
import { clusterFromJson, galaxyFromJson } from "../../src/catalog/mod.ts";
import { THREAT_ACTOR_CLUSTER, THREAT_ACTOR_GALAXY } from "../support/sample_catalog.ts";

Deno.test("galaxyFromJson() reads a galaxy definition and refuses one without type", () => {
  const galaxy = galaxyFromJson(THREAT_ACTOR_GALAXY)!;
  equal(galaxy.type, "threat-actor");
  equal(galaxy.namespace, "misp");
  equal(galaxyFromJson({ name: "x" }), undefined);
});

Deno.test("clusterFromJson() keeps values, uuids and revocation, skipping values without a value", () => {
  const cluster = clusterFromJson({
    ...THREAT_ACTOR_CLUSTER,
    values: [...THREAT_ACTOR_CLUSTER.values, { uuid: "x" }, 7],
  })!;
  deepEqual(cluster.values.map((v) => [v.value, v.revoked]), [["APT28", false], [
    "Old Name",
    true,
  ]]);
  equal(cluster.values[0]!.uuid, "5b4ee3ea-eee3-4c8e-8323-85ae32658754");
});
