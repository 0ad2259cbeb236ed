import { equal } from "node:assert/strict";
import { formatManifest, parseFeedDefinition, renderFeedEvent } from "../../src/feed/mod.ts";
import { manifestLineOf, partsOf } from "../../src/publish/mod.ts";
import { sampleEvent, TEST_ORG, uuidN } from "../support/sample_events.ts";

const definition = parseFeedDefinition({ audience: "internal" }, "internal").definition!;
const rendered = () =>
  renderFeedEvent(sampleEvent({ uuid: uuidN(1), info: "Ünïcode “quoted”" }), definition, {
    sharingGroups: new Map(),
    hostOrg: TEST_ORG.uuid,
  })!;

Deno.test("manifestLineOf() is the event's line of formatManifest", () => {
  const event = rendered();
  const line = manifestLineOf(event.uuid, event.manifestEntry);
  equal(formatManifest([[event.uuid, event.manifestEntry]]), `{\n${line}\n}\n`);
});

Deno.test("partsOf() encodes the file, the hash lines with newlines, and the manifest line", () => {
  const event = rendered();
  const parts = partsOf(event);
  equal(new TextDecoder().decode(parts.file), event.eventJson);
  equal(new TextDecoder().decode(parts.hashChunk), event.hashLines.map((l) => `${l}\n`).join(""));
  equal(parts.sha256, event.manifestEntry["integrity:sha256"]);
  equal(parts.uuid, uuidN(1));
});

Deno.test("partsOf() shares the bytes of identical files through the shared map", () => {
  const shared = new Map<string, Uint8Array>();
  equal(partsOf(rendered(), shared).file, partsOf(rendered(), shared).file);
});
