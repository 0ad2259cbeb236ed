import { equal } from "node:assert/strict";
import {
  type Audience,
  audienceMembers,
  canSeeSharingGroup,
  type Distributed,
  passesOwnGate,
} from "../../src/access/mod.ts";
import { contextWith, groupN, orgN, sampleGroup } from "../support/sharing_groups.ts";

// Group 1: orgs 1 (host), 2, 3. Group 2: org 2 only. Group 3: orgs 3, 4. Group 9: no members.
const context = contextWith(
  sampleGroup(1, [1, 2, 3]),
  sampleGroup(2, [2]),
  sampleGroup(3, [3, 4]),
  sampleGroup(9, []),
);
const PUBLIC: Audience = { kind: "public" };
const INTERNAL: Audience = { kind: "internal" };
const org = (n: number): Audience => ({ kind: "org", org: orgN(n) });
const members = (n: number): Audience => ({ kind: "sharing-group", sharingGroup: groupN(n) });
const inGroup = (n: number) => ({ distribution: "4", SharingGroup: { uuid: groupN(n) } });

// misp-behaviour.md §1.1 (levels), §1.2 (read path), §2.4–2.5 (what leaves for another instance).
const OWN_GATE_CASES: [string, Distributed, "event" | "child", Audience, boolean][] = [
  ["0 is org only", { distribution: "0" }, "event", org(2), false],
  ["0 reaches internal", { distribution: "0" }, "event", INTERNAL, true],
  ["1 never leaves the instance", { distribution: "1" }, "child", org(2), false],
  ["1 is not public", { distribution: "1" }, "event", PUBLIC, false],
  ["2 reaches a connected org", { distribution: "2" }, "event", org(2), true],
  ["2 reaches sharing-group members", { distribution: "2" }, "child", members(1), true],
  ["2 is not public", { distribution: "2" }, "event", PUBLIC, false],
  ["3 is public", { distribution: "3" }, "event", PUBLIC, true],
  ["3 reaches an org", { distribution: "3" }, "child", org(4), true],
  ["4 reaches a member org", inGroup(1), "event", org(2), true],
  ["4 does not reach a non-member org", inGroup(2), "event", org(3), false],
  ["4 is never public", inGroup(1), "event", PUBLIC, false],
  ["4 reaches an audience group inside the element's group", inGroup(1), "child", members(2), true],
  ["4 does not reach an audience group with an outsider", inGroup(1), "child", members(3), false],
  [
    "4 with an unknown group fails closed",
    { distribution: "4", SharingGroup: { uuid: groupN(7) } },
    "child",
    org(2),
    false,
  ],
  ["4 naming no group fails closed", { distribution: "4" }, "child", org(2), false],
  ["4 naming no group reaches internal", { distribution: "4" }, "child", INTERNAL, true],
  ["5 on a child inherits (no gate of its own)", { distribution: "5" }, "child", PUBLIC, true],
  ["5 on an event is invalid and fails closed", { distribution: "5" }, "event", org(2), false],
  ["a missing distribution fails closed", {}, "child", PUBLIC, false],
  ["an invalid distribution fails closed", { distribution: "7" }, "event", org(2), false],
  [
    "an empty audience group sees nothing, not even 3",
    { distribution: "3" },
    "event",
    members(9),
    false,
  ],
  [
    "an unknown audience group sees nothing, not even 3",
    { distribution: "3" },
    "event",
    members(8),
    false,
  ],
  ["an empty audience group sees no group data", inGroup(1), "event", members(9), false],
  ["an unknown audience group sees no group data", inGroup(1), "event", members(8), false],
];

for (const [label, element, level, audience, expected] of OWN_GATE_CASES) {
  Deno.test(`passesOwnGate() ${label}`, () => {
    equal(passesOwnGate(element, level, audience, context), expected);
  });
}

Deno.test("passesOwnGate() decides membership from this instance's copy of a group over the embedded one", () => {
  // The event embeds group 2 claiming org 3 is a member; this instance's group 2 lists only org 2.
  const forged = { distribution: "4", SharingGroup: sampleGroup(2, [2, 3]) };
  equal(passesOwnGate(forged, "event", org(3), context), false);
  equal(passesOwnGate(forged, "event", org(2), context), true);
});

Deno.test("passesOwnGate() uses the embedded group when this instance does not know it", () => {
  const embedded = { distribution: "4", SharingGroup: sampleGroup(5, [4]) };
  equal(passesOwnGate(embedded, "child", org(4), context), true);
  equal(passesOwnGate(embedded, "child", org(2), context), false);
});

Deno.test("passesOwnGate() matches org uuids whatever their letter case", () => {
  const upper: Audience = { kind: "org", org: orgN(2).toUpperCase() };
  equal(passesOwnGate(inGroup(2), "event", upper, context), true);
});

Deno.test("canSeeSharingGroup() lets members, and only members, see a group", () => {
  const group = sampleGroup(1, [1, 2, 3]);
  equal(canSeeSharingGroup(group, org(2), context), true);
  equal(canSeeSharingGroup(group, org(4), context), false);
  equal(canSeeSharingGroup(group, PUBLIC, context), false);
  equal(canSeeSharingGroup(group, INTERNAL, context), true);
  equal(canSeeSharingGroup(group, members(2), context), true);
  equal(canSeeSharingGroup(group, members(3), context), false);
});

Deno.test("canSeeSharingGroup() ignores server rows: all_orgs speaks of an instance's own orgs", () => {
  const group = {
    ...sampleGroup(6, [2]),
    SharingGroupServer: [{
      all_orgs: true,
      server_id: "0",
      Server: { url: "https://x", name: "x" },
    }],
  };
  equal(canSeeSharingGroup(group, org(4), context), false);
});

Deno.test("audienceMembers() is undefined for an unknown or empty group", () => {
  equal(audienceMembers(groupN(8), context), undefined);
  equal(audienceMembers(groupN(9), context), undefined);
  equal(audienceMembers(groupN(1), context)?.size, 3);
});
