import { equal } from "node:assert/strict";
import { type FeedFilters, parseFeedDefinition, passesFeedFilters } from "../../src/feed/mod.ts";
import type { MispEvent } from "../../src/model/mod.ts";
import { sampleEvent, TEST_ORG } from "../support/sample_events.ts";

function filters(json: object, audience = "internal"): FeedFilters {
  return parseFeedDefinition({ audience, filters: json }, "f").definition!.filters;
}

const tagged = sampleEvent({
  date: "2024-03-01",
  Tag: [{ name: "tlp:green" }, { name: "kura:no-feed", local: true }],
});

const CASES: [string, object, MispEvent, boolean][] = [
  ["keeps a published event by default", {}, tagged, true],
  ["drops an unpublished event by default", {}, { ...tagged, published: false }, false],
  ["keeps an unpublished event with published any", { published: "any" }, {
    ...tagged,
    published: false,
  }, true],
  ["keeps an event with an OR tag", { tags: { OR: ["tlp:clear", "tlp:green"] } }, tagged, true],
  ["drops an event without any OR tag", { tags: { OR: ["tlp:clear"] } }, tagged, false],
  ["matches tag names exactly", { tags: { OR: ["tlp:GREEN", "tlp:gree"] } }, tagged, false],
  [
    "drops an event with a NOT tag, even a local one",
    { tags: { NOT: ["kura:no-feed"] } },
    tagged,
    false,
  ],
  ["keeps an event without NOT tags", { tags: { NOT: ["tlp:red"] } }, tagged, true],
  ["keeps an event by creator uuid", { orgs: { OR: [TEST_ORG.uuid.toUpperCase()] } }, tagged, true],
  ["keeps an event by creator name", { orgs: { OR: [TEST_ORG.name] } }, tagged, true],
  ["drops an event of a NOT creator", { orgs: { NOT: [TEST_ORG.uuid] } }, tagged, false],
  ["drops an event of another creator", { orgs: { OR: ["Someone else"] } }, tagged, false],
  ["keeps an event on the window's first day", { date: { from: "2024-03-01" } }, tagged, true],
  ["keeps an event on the window's last day", { date: { to: "2024-03-01" } }, tagged, true],
  ["drops an event before the window", { date: { from: "2024-03-02" } }, tagged, false],
  ["drops an event after the window", { date: { to: "2024-02-29" } }, tagged, false],
  ["drops an event without a date when a window is set", { date: { from: "2000-01-01" } }, {
    ...tagged,
    date: undefined,
  }, false],
];

for (const [label, json, event, expected] of CASES) {
  Deno.test(`passesFeedFilters() ${label}`, () => {
    equal(passesFeedFilters(event, filters(json)), expected);
  });
}
