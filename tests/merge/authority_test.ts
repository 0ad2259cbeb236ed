// Org authority: field-survey.md §4.3 point 3 (merge authority), misp-behaviour.md §2.6 step 2.
import { equal, match } from "node:assert/strict";
import { refusedAuthority } from "../../src/merge/mod.ts";

const HOST = "99999999-9999-4999-8999-999999999999";
const A = "11111111-1111-4111-8111-111111111111";

const cases: [string, Parameters<typeof refusedAuthority>, RegExp | undefined][] = [
  [
    "allows a listed org",
    [{ uuid: A }, "p", { orgs: [A], hostOrg: HOST, internal: false }],
    undefined,
  ],
  ["compares uuids case-insensitively", [{ uuid: A.toUpperCase() }, "p", {
    orgs: [A],
    internal: false,
  }], undefined],
  [
    "refuses an unlisted org",
    [{ uuid: A, name: "A" }, "p", { orgs: [], internal: false }],
    /may not speak for creator org "A"/,
  ],
  ["lets * speak for any other org", [{ uuid: A }, "p", {
    orgs: ["*"],
    hostOrg: HOST,
    internal: false,
  }], undefined],
  ["never lets * speak for the host org", [{ uuid: HOST }, "p", {
    orgs: ["*"],
    hostOrg: HOST,
    internal: false,
  }], /this instance's own org/],
  ["refuses the host org even when listed, unless internal", [{ uuid: HOST }, "p", {
    orgs: [HOST],
    hostOrg: HOST,
    internal: false,
  }], /own org/],
  ["lets an internal peer listing the host org speak for it", [{ uuid: HOST }, "p", {
    orgs: [HOST],
    hostOrg: HOST,
    internal: true,
  }], undefined],
  [
    "refuses an event without Orgc uuid",
    [undefined, "p", { orgs: ["*"], internal: false }],
    /no creator org/,
  ],
];
for (const [what, args, expected] of cases) {
  Deno.test(`refusedAuthority() ${what}`, () => {
    const reason = refusedAuthority(...args);
    if (expected === undefined) equal(reason, undefined);
    else match(reason ?? "", expected);
  });
}
