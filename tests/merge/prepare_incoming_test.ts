// Pull transforms of misp-behaviour.md §2.3 step 6, §2.5 (pull column) and §3.3 step 3 (feed distribution).
import { deepEqual, equal } from "node:assert/strict";
import { prepareIncoming } from "../../src/merge/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject } from "../support/sample_events.ts";

const event = sampleEvent({
  id: "12",
  distribution: "2",
  Org: { name: "Their local org", uuid: "22222222-2222-4222-8222-222222222222" },
  Tag: [{ name: "tlp:green" }, { name: "their-local", local: true }],
  Attribute: [
    sampleAttribute(1, { distribution: "1", id: "5", event_id: "12" }),
    sampleAttribute(2, { distribution: "2", type: "comment", value: "x", category: "Other" }),
    sampleAttribute(3, { distribution: "3", Tag: [{ name: "l", local: true }, { name: "g" }] }),
  ],
  Object: [sampleObject(1, { distribution: "2" })],
  EventReport: [{ uuid: "abababab-0000-4000-8000-000000000001", distribution: "1", name: "r" }],
});

Deno.test("prepareIncoming() downgrades 1→0 and 2→1 everywhere for a non-internal peer", () => {
  const { event: out } = prepareIncoming(event, {
    distribution: "keep",
    internal: false,
    excludeTypes: [],
  });
  equal(out.distribution, "1");
  deepEqual(out.Attribute?.map((a) => a.distribution), ["0", "1", "3"]);
  equal(out.Object?.[0]?.distribution, "1");
  equal(out.Object?.[0]?.Attribute?.[0]?.distribution, "5");
  equal(out.EventReport?.[0]?.distribution, "0");
});

Deno.test("prepareIncoming() strips local tags, ids and Org, and sets locked", () => {
  const { event: out } = prepareIncoming(event, {
    distribution: "keep",
    internal: false,
    excludeTypes: [],
  });
  deepEqual(out.Tag?.map((t) => t.name), ["tlp:green"]);
  deepEqual(out.Attribute?.[2]?.Tag?.map((t) => t.name), ["g"]);
  equal(out.id, undefined);
  equal(out.Attribute?.[0]?.id, undefined);
  equal(out.Attribute?.[0]?.event_id, undefined);
  equal(out.Org, undefined);
  equal(out.locked, true);
  equal(event.id, "12", "the input is not changed");
});

Deno.test("prepareIncoming() keeps distributions and local tags for an internal peer", () => {
  const { event: out } = prepareIncoming(event, {
    distribution: "keep",
    internal: true,
    excludeTypes: [],
  });
  equal(out.distribution, "2");
  deepEqual(out.Attribute?.map((a) => a.distribution), ["1", "2", "3"]);
  equal(out.Tag?.length, 2);
});

Deno.test("prepareIncoming() sets a fixed distribution with children inheriting, like a MISP feed setting", () => {
  const { event: out } = prepareIncoming(event, {
    distribution: 0,
    internal: false,
    excludeTypes: [],
  });
  equal(out.distribution, "0");
  equal(out.sharing_group_id, "0");
  deepEqual(out.Attribute?.map((a) => a.distribution), ["5", "5", "5"]);
  equal(out.Object?.[0]?.distribution, "5");
});

Deno.test("prepareIncoming() drops excluded attribute types and says so", () => {
  const { event: out, skipped } = prepareIncoming(event, {
    distribution: "keep",
    internal: false,
    excludeTypes: ["comment", "domain"],
  });
  equal(out.Attribute?.length, 2);
  equal(out.Object?.[0]?.Attribute?.length, 0);
  equal(skipped.length, 2);
});

Deno.test("prepareIncoming() treats a missing event distribution as community, then downgrades it", () => {
  const bare = { ...event };
  delete bare.distribution;
  equal(
    prepareIncoming(bare, { distribution: "keep", internal: false, excludeTypes: [] }).event
      .distribution,
    "0",
  );
});
