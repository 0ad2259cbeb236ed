import { deepEqual, equal, ok } from "node:assert/strict";
import { createHash } from "node:crypto";
import fc from "fast-check";
import {
  type FeedDefinition,
  formatManifest,
  md5Hex,
  parseFeedDefinition,
  renderFeedEvent,
} from "../../src/feed/mod.ts";
import { formatEventDocument, type MispEvent, parseEventDocument } from "../../src/model/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject, uuidN } from "../support/sample_events.ts";
import { contextWith, groupN, orgN, sampleGroup } from "../support/sharing_groups.ts";
import { type World, world } from "../support/arbitrary_events.ts";
import { allSecrets, expectedFor, secretsIn } from "../support/access_oracle.ts";

const context = contextWith(sampleGroup(1, [1, 2]));

function feed(json: object): FeedDefinition {
  const parsed = parseFeedDefinition(json, "test");
  ok(parsed.definition, JSON.stringify(parsed.issues));
  return parsed.definition;
}

const PUBLIC = feed({ audience: "public", access: "public" });

Deno.test("renderFeedEvent() writes the event file in kura's canonical form with PyMISP's feed fields", () => {
  const event = sampleEvent({ id: "7", org_id: "1", Org: { name: "x" }, locked: true });
  const rendered = renderFeedEvent(event, PUBLIC, context)!;
  const document = JSON.parse(rendered.eventJson);
  deepEqual(Object.keys(document.Event), [
    "analysis",
    "date",
    "info",
    "publish_timestamp",
    "published",
    "threat_level_id",
    "timestamp",
    "uuid",
    "Attribute",
    "Orgc",
    "Tag",
  ]);
  deepEqual(Object.keys(document.Event.Attribute[0]), [
    "category",
    "comment",
    "deleted",
    "timestamp",
    "to_ids",
    "type",
    "uuid",
    "value",
  ]);
  ok(rendered.eventJson.endsWith("}\n"));
  ok(rendered.eventJson.startsWith('{\n  "Event": {\n'));
});

Deno.test("renderFeedEvent() gives integrity:sha256 of the exact event file bytes", () => {
  const rendered = renderFeedEvent(sampleEvent({ info: "Café — 市役所" }), PUBLIC, context)!;
  const expected = createHash("sha256").update(rendered.eventJson, "utf8").digest("hex");
  equal(rendered.manifestEntry["integrity:sha256"], expected);
  ok(rendered.eventJson.includes("Café — 市役所"), "UTF-8 is written as is");
});

Deno.test("renderFeedEvent() gives the same bytes whatever the order of children and keys", () => {
  const event = sampleEvent({}, 5);
  const shuffled = JSON.parse(
    JSON.stringify({ ...event, Attribute: [...event.Attribute!].reverse() }),
  );
  const reordered = Object.fromEntries(Object.entries(shuffled).reverse()) as MispEvent;
  equal(
    renderFeedEvent(reordered, PUBLIC, context)!.eventJson,
    renderFeedEvent(event, PUBLIC, context)!.eventJson,
  );
});

Deno.test("renderFeedEvent() is undefined for events outside the feed", () => {
  const cases: [string, MispEvent][] = [
    ["unpublished", sampleEvent({ published: false })],
    ["organisation only", sampleEvent({ distribution: "0" })],
    ["sharing group", sampleEvent({ distribution: "4", SharingGroup: { uuid: groupN(1) } })],
    ["without a lower-case uuid", sampleEvent({ uuid: uuidN(1, "EEEEEEEE") })],
    ["without Orgc", sampleEvent({ Orgc: undefined })],
    ["without a timestamp", sampleEvent({ timestamp: undefined })],
  ];
  for (const [label, event] of cases) {
    equal(renderFeedEvent(event, PUBLIC, context), undefined, label);
  }
});

Deno.test("renderFeedEvent() lets a member org's feed carry sharing-group data with distributions", () => {
  const definition = feed({ audience: { org: orgN(2) }, emitDistribution: true });
  const event = sampleEvent({
    distribution: "4",
    sharing_group_id: "1",
    SharingGroup: sampleGroup(1, [1, 2]),
    Attribute: [sampleAttribute(1, { distribution: "2" })],
  });
  const rendered = renderFeedEvent(event, definition, context)!;
  const out = JSON.parse(rendered.eventJson).Event;
  equal(out.distribution, "4");
  equal(out.SharingGroup.uuid, groupN(1));
  equal(out.SharingGroup.description, undefined);
  equal(out.sharing_group_id, undefined);
  equal(out.Attribute[0].distribution, "1");
  equal(renderFeedEvent(event, feed({ audience: { org: orgN(3) } }), context), undefined);
});

Deno.test("renderFeedEvent() hashes only the values the feed carries", () => {
  const event = sampleEvent({
    Attribute: [
      sampleAttribute(1, { value: "198.51.100.1" }),
      sampleAttribute(2, { value: "198.51.100.2", distribution: "0" }),
    ],
    Object: [sampleObject(1, { distribution: "1" })],
  });
  const rendered = renderFeedEvent(event, PUBLIC, context)!;
  const md5 = createHash("md5").update("198.51.100.1").digest("hex");
  deepEqual(rendered.hashLines, [`${md5},${event.uuid}`]);
});

Deno.test("renderFeedEvent() output read back as an event is valid kura data and stable", () => {
  const definition = feed({ audience: "internal", emitDistribution: true });
  const rendered = renderFeedEvent(sampleEvent({}, 3), definition, context)!;
  const parsed = parseEventDocument(JSON.parse(rendered.eventJson));
  deepEqual(parsed.issues, []);
  equal(formatEventDocument(parsed.event!), rendered.eventJson);
  equal(renderFeedEvent(parsed.event!, definition, context)!.eventJson, rendered.eventJson);
});

// Properties over random events, objects, references, sharing groups, tags and audiences
// (misp-behaviour.md §1.2, §2.4–2.5; field-survey.md §4.3 "one pure distribution filter").

function definitionFor(world: World, includeDeleted: boolean, emitDistribution: boolean) {
  return feed({
    audience: world.audience.kind === "public"
      ? "public"
      : world.audience.kind === "internal"
      ? "internal"
      : world.audience.kind === "org"
      ? { org: world.audience.org }
      : { sharingGroup: world.audience.sharingGroup },
    emitDistribution,
    filters: {
      published: world.audience.kind === "internal" ? "any" : "only",
      includeDeleted,
    },
  });
}

Deno.test("renderFeedEvent() never emits anything the audience may not see, in any artefact", () => {
  fc.assert(
    fc.property(world, fc.boolean(), fc.boolean(), (w, includeDeleted, emitDistribution) => {
      const expected = expectedFor(w);
      const rendered = renderFeedEvent(
        w.event,
        definitionFor(w, includeDeleted, emitDistribution),
        w.context,
      );
      equal(
        rendered !== undefined,
        expected.event,
        "the event is in the feed exactly when visible",
      );
      if (!rendered) return;
      const manifest = formatManifest([[rendered.uuid, rendered.manifestEntry]]);
      for (const text of [rendered.eventJson, manifest]) {
        for (const secret of secretsIn(text)) {
          ok(expected.allowed.has(secret), `${secret} leaked to ${JSON.stringify(w.audience)}`);
        }
      }
      const byHash = new Map(allSecrets(w.event).map((s) => [md5Hex(s), s] as const));
      for (const line of rendered.hashLines) {
        const secret = byHash.get(line.split(",")[0]!);
        ok(secret !== undefined && expected.allowed.has(secret), `hash of ${secret} leaked`);
        equal(line.split(",")[1], w.event.uuid);
      }
    }),
    { numRuns: 400 },
  );
});

Deno.test("renderFeedEvent() loses nothing the audience may see", () => {
  fc.assert(
    fc.property(world, fc.boolean(), (w, includeDeleted) => {
      const expected = expectedFor(w);
      const rendered = renderFeedEvent(w.event, definitionFor(w, includeDeleted, true), w.context);
      if (!rendered) return;
      const present = new Set(secretsIn(rendered.eventJson));
      for (const secret of expected.required(includeDeleted)) {
        ok(present.has(secret), `${secret} missing for ${JSON.stringify(w.audience)}`);
      }
      const hashes = new Set(rendered.hashLines.map((line) => line.split(",")[0]));
      for (const secret of expected.required(false)) {
        if (/^secret-(attribute|file|hash)-/.test(secret)) ok(hashes.has(md5Hex(secret)), secret);
      }
    }),
    { numRuns: 300 },
  );
});

Deno.test("renderFeedEvent() never emits sharing-group releasability, local ids or group data for public", () => {
  fc.assert(
    fc.property(world, (w) => {
      const rendered = renderFeedEvent(w.event, definitionFor(w, true, true), w.context);
      if (!rendered) return;
      ok(!rendered.eventJson.includes("releasability"));
      ok(!rendered.eventJson.includes('"sharing_group_id"'));
      if (w.audience.kind === "public") ok(!rendered.eventJson.includes('"SharingGroup"'));
    }),
    { numRuns: 200 },
  );
});

Deno.test("renderFeedEvent() is deterministic: the same data in any order gives the same bytes", () => {
  fc.assert(
    fc.property(world, fc.boolean(), (w, emit) => {
      const definition = definitionFor(w, true, emit);
      const first = renderFeedEvent(w.event, definition, w.context);
      const reordered = JSON.parse(JSON.stringify(w.event)) as MispEvent;
      reordered.Attribute?.reverse();
      reordered.Object?.reverse();
      for (const object of reordered.Object ?? []) object.Attribute?.reverse();
      const second = renderFeedEvent(reordered, definition, w.context);
      deepEqual(second, first);
    }),
    { numRuns: 200 },
  );
});

Deno.test("renderFeedEvent() is idempotent where the audience receives levels unchanged", () => {
  fc.assert(
    fc.property(world, (w) => {
      if (w.audience.kind !== "internal" && w.audience.kind !== "public") return;
      const definition = definitionFor(w, true, true);
      const first = renderFeedEvent(w.event, definition, w.context);
      if (!first) return;
      const again = parseEventDocument(JSON.parse(first.eventJson)).event!;
      deepEqual(renderFeedEvent(again, definition, w.context), first);
    }),
    { numRuns: 200 },
  );
});
