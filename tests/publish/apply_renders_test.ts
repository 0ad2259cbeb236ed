import { deepEqual, equal, ok } from "node:assert/strict";
import { parseFeedDefinition, renderFeedEvent } from "../../src/feed/mod.ts";
import { applyRenders, partsOf, PublishedFeed } from "../../src/publish/mod.ts";
import { sampleEvent, TEST_ORG, uuidN } from "../support/sample_events.ts";

const definition = (name: string) =>
  parseFeedDefinition({ audience: "public", access: "public" }, name).definition!;
const parts = (info: string) =>
  partsOf(
    renderFeedEvent(sampleEvent({ uuid: uuidN(1), info }), definition("x"), {
      sharingGroups: new Map(),
      hostOrg: TEST_ORG.uuid,
    })!,
  );

Deno.test("applyRenders() puts parts in, takes null out, and drops a failed feed's copy with an issue", () => {
  const [a, b, c] = [
    new PublishedFeed(definition("a")),
    new PublishedFeed(definition("b")),
    new PublishedFeed(definition("c")),
  ];
  applyRenders([a, b, c], uuidN(1), [parts("one"), parts("one"), parts("one")]);
  ok(a.has(uuidN(1)) && b.has(uuidN(1)) && c.has(uuidN(1)));
  const issues = applyRenders([a, b, c], uuidN(1), [parts("two"), null, { error: "boom" }]);
  ok(a.has(uuidN(1)));
  equal(b.has(uuidN(1)), false);
  equal(c.has(uuidN(1)), false, "fail closed");
  deepEqual(issues.map((issue) => [issue.code, issue.severity]), [["feed.render", "error"]]);
  ok(issues[0]!.message.includes('"c"') && issues[0]!.message.includes("boom"));
});

Deno.test("applyRenders() gives feeds with the same bytes one shared artefact", () => {
  const [a, b] = [new PublishedFeed(definition("a")), new PublishedFeed(definition("b"))];
  const shared = parts("same");
  applyRenders([a, b], uuidN(1), [shared, shared]);
  equal(a.event(uuidN(1)), b.event(uuidN(1)));
});
