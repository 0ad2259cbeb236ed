import { deepEqual } from "node:assert/strict";
import { type ChangeKind, changeKindOf } from "../../src/publish/mod.ts";

const folders = { data: "/srv/kura/data", feeds: "/srv/kura/feeds" };
const uuid = "0f250d30-e5c9-58a9-996b-ef026da6f778";

const cases: [string, string, ChangeKind][] = [
  ["an event file", `/srv/kura/data/events/${uuid}.json`, {
    kind: "event",
    path: `/srv/kura/data/events/${uuid}.json`,
  }],
  ["a badly named event file (reported by the event pass)", "/srv/kura/data/events/x.json", {
    kind: "event",
    path: "/srv/kura/data/events/x.json",
  }],
  ["a file in a subfolder of events/", `/srv/kura/data/events/old/${uuid}.json`, { kind: "none" }],
  ["a non-JSON file in events/", "/srv/kura/data/events/README.md", { kind: "none" }],
  ["an organisation", `/srv/kura/data/orgs/${uuid}.json`, { kind: "full" }],
  ["a sharing group", `/srv/kura/data/sharing-groups/${uuid}.json`, { kind: "full" }],
  ["a proposal (not in feeds)", `/srv/kura/data/proposals/${uuid}.json`, { kind: "none" }],
  ["a feed definition", "/srv/kura/feeds/public.json", {
    kind: "feed",
    name: "public",
    path: "/srv/kura/feeds/public.json",
  }],
  ["a file in a subfolder of feeds/", "/srv/kura/feeds/old/public.json", { kind: "none" }],
  ["the events folder itself", "/srv/kura/data/events", { kind: "full" }],
  ["the feeds folder itself", "/srv/kura/feeds/", { kind: "full" }],
  ["a folder above both", "/srv/kura", { kind: "full" }],
  ["an unrelated path", "/srv/kura/README.md", { kind: "none" }],
  ["a sibling folder sharing a prefix", "/srv/kura/data/events-old/a.json", { kind: "none" }],
];

for (const [what, path, expected] of cases) {
  Deno.test(`changeKindOf() classifies ${what}`, () => {
    deepEqual(changeKindOf(path, folders), expected);
  });
}
