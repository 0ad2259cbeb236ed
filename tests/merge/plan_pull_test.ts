// Decisions of misp-behaviour.md §3.3 step 2 (add / edit by timestamp) and §2.3 step 4 (locked).
import { deepEqual } from "node:assert/strict";
import { decidePull, type ManifestEntry, type PlanOptions } from "../../src/merge/mod.ts";

const HOST = "99999999-9999-4999-8999-999999999999";
const ORG = "11111111-1111-4111-8111-111111111111";
const entry: ManifestEntry = {
  uuid: "eeeeeeee-0000-4000-8000-000000000001",
  timestamp: 200,
  orgc: { uuid: ORG, name: "Example CERT" },
  tags: ["tlp:green"],
  info: "x",
  date: "2024-01-01",
};
const options: PlanOptions = {
  peer: "a",
  orgs: [ORG],
  hostOrg: HOST,
  internal: false,
  now: 1000,
  rules: { tags: { OR: [], NOT: [] }, orgs: { OR: [], NOT: [] }, excludeTypes: [] },
};

const cases: [string, Parameters<typeof decidePull>, unknown][] = [
  ["adds an unknown uuid", [entry, undefined, options], { fetch: true, kind: "add" }],
  [
    "updates when the local timestamp is older",
    [entry, { timestamp: 100, orgc: ORG, locked: true }, options],
    { fetch: true, kind: "update" },
  ],
  [
    "skips when the local copy is as new",
    [entry, { timestamp: 200, orgc: ORG, locked: true }, options],
    {
      fetch: false,
      status: "unchanged",
      reason: "local copy is as new or newer (timestamp 200 >= 200)",
    },
  ],
  [
    "refuses an org the peer may not speak for without fetching",
    [entry, undefined, { ...options, orgs: [HOST] }],
    {
      fetch: false,
      status: "rejected",
      reason: `peer "a" may not speak for creator org "Example CERT" (${ORG})`,
    },
  ],
  [
    "refuses to update an event created here",
    [entry, { timestamp: 1, orgc: HOST, locked: false }, { ...options, orgs: ["*"] }],
    {
      fetch: false,
      status: "rejected",
      reason: "the event was created on this instance; a peer can never modify it",
    },
  ],
  [
    "applies pull rules first",
    [entry, undefined, {
      ...options,
      rules: { ...options.rules, tags: { OR: [], NOT: ["tlp:green"] } },
    }],
    { fetch: false, status: "rejected", reason: 'pull rules: tag "tlp:green" is excluded' },
  ],
];

for (const [what, args, expected] of cases) {
  Deno.test(`decidePull() ${what}`, () => deepEqual(decidePull(...args), expected));
}
