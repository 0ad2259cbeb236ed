// MISP's event and organisation blocklists in pull decisions: misp-behaviour.md §2.3 step 4 (dropped
// before any download) and §2.6 "New event" (refused as blocked).
import { deepEqual, equal, match } from "node:assert/strict";
import {
  blockedReason,
  decidePull,
  type ManifestEntry,
  type PlanOptions,
} from "../../src/merge/mod.ts";
import { blocklistOf, EMPTY_BLOCKLIST } from "../../src/model/mod.ts";

const ORG = "11111111-1111-4111-8111-111111111111";
const UUID = "eeeeeeee-0000-4000-8000-000000000001";
const entry: ManifestEntry = {
  uuid: UUID,
  timestamp: 200,
  orgc: { uuid: ORG, name: "Example CERT" },
  tags: [],
  info: "x",
  date: "2024-01-01",
};
const options: PlanOptions = {
  peer: "a",
  orgs: [ORG],
  internal: false,
  now: 1000,
  rules: { tags: { OR: [], NOT: [] }, orgs: { OR: [], NOT: [] }, excludeTypes: [] },
};

Deno.test("blockedReason() names the event or org blocklist entry, matching uuids in any case", () => {
  const blocklist = blocklistOf({
    events: [{ uuid: UUID.toUpperCase(), comment: "false positive" }],
    orgs: [{ uuid: ORG, name: "Example CERT" }],
  });
  equal(
    blockedReason({ uuid: UUID }, blocklist),
    "blocked by the event blocklist (blocklist.json): false positive",
  );
  match(
    blockedReason({
      uuid: "eeeeeeee-0000-4000-8000-000000000002",
      orgc: { uuid: ORG.toUpperCase() },
    }, blocklist)!,
    /^events of organisation "Example CERT" \(11111111-.*\) are blocked by the organisation blocklist/,
  );
  equal(blockedReason({ uuid: "eeeeeeee-0000-4000-8000-000000000002" }, blocklist), undefined);
  equal(blockedReason({ uuid: UUID, orgc: { uuid: ORG } }, EMPTY_BLOCKLIST), undefined);
});

Deno.test("decidePull() refuses a blocked event or creator org before anything else, even a local update", () => {
  const byEvent = blocklistOf({ events: [{ uuid: UUID }] });
  deepEqual(decidePull(entry, undefined, { ...options, blocklist: byEvent }), {
    fetch: false,
    status: "rejected",
    reason: "blocked by the event blocklist (blocklist.json)",
  });
  const local = { timestamp: 100, orgc: ORG, locked: true };
  equal(decidePull(entry, local, { ...options, blocklist: byEvent }).fetch, false);
  const byOrg = blocklistOf({ orgs: [{ uuid: ORG }] });
  const decision = decidePull(entry, undefined, { ...options, blocklist: byOrg });
  equal(decision.fetch, false);
  deepEqual(decidePull(entry, undefined, { ...options, blocklist: EMPTY_BLOCKLIST }), {
    fetch: true,
    kind: "add",
  });
});
