import { deepEqual, equal, ok } from "node:assert/strict";
import { createHash } from "node:crypto";
import { feedFiles, parseFeedDefinition, renderFeed } from "../../src/feed/mod.ts";
import { type MispEvent, parseEventDocument } from "../../src/model/mod.ts";
import { sampleEvent } from "../support/sample_events.ts";
import { MISP_DATA, sharedTest } from "../support/shared_data.ts";
import { contextWith } from "../support/sharing_groups.ts";

const context = contextWith();
const EVERYTHING = parseFeedDefinition({
  audience: "internal",
  filters: { published: "any", includeDeleted: true },
}, "all").definition!;

Deno.test("renderFeed() sorts events, assembles manifest and hashes, and lists the files", () => {
  const a = sampleEvent({ uuid: "eeeeeeee-0000-4000-8000-00000000000b" });
  const b = sampleEvent({ uuid: "eeeeeeee-0000-4000-8000-00000000000a" });
  const feed = renderFeed([a, b], EVERYTHING, context);
  deepEqual(feed.events.map((e) => e.uuid), [b.uuid, a.uuid]);
  deepEqual(Object.keys(JSON.parse(feed.manifest)), [b.uuid, a.uuid]);
  deepEqual([...feedFiles(feed)].map(([name]) => name), [
    `${b.uuid}.json`,
    `${a.uuid}.json`,
    "manifest.json",
    "hashes.csv",
  ]);
  equal(feed.hashes.split("\n").filter(Boolean).length, 4);
});

Deno.test("renderFeed() keeps the newer of two events with one uuid, whatever their order", () => {
  const old = sampleEvent({ info: "old", timestamp: "1700000000" });
  const fresh = sampleEvent({ info: "new", timestamp: "1700000500" });
  equal(renderFeed([old, fresh], EVERYTHING, context).events[0]!.manifestEntry.info, "new");
  equal(renderFeed([fresh, old], EVERYTHING, context).events[0]!.manifestEntry.info, "new");
});

/** Input file → event uuid of the PyMISP feed sample (misp-data/SOURCES.md, derived/pymisp-feed-sample). */
const PYMISP_INPUTS: Record<string, string> = {
  "mispevent_testfiles/existing_event.json": "5a3c2fcd-8328-42bb-a95e-4f4402de0b81",
  "mispevent_testfiles/shadow.json": "5a4cb19a-f550-437f-bd29-48ed950d210f",
  "reportlab_testfiles/HTML_event.json": "56e12e66-f01c-41be-afea-4d9a950d210f",
  "reportlab_testfiles/galaxy_1.json": "5acc88e9-265c-4f22-9d2b-b702950d210f",
  "reportlab_testfiles/image_event.json": "5c706a30-8ad4-4fcc-9e17-4d3d02de0b81",
  "reportlab_testfiles/japanese_test_heavy.json": "5c7cdc3b-2f40-4dca-8200-276c0a00020f",
  "reportlab_testfiles/long_event.json": "57153590-f73c-49fa-be4b-4737950d210f",
  "reportlab_testfiles/mainly_objects_1.json": "5c066053-0e94-46eb-9746-4b7d950d210f",
  "reportlab_testfiles/mainly_objects_2.json": "5c0661f7-77a0-4ec9-bdcf-d447950d210f",
  "reportlab_testfiles/sighting_1.json": "5b646415-7b48-40d5-86b4-c0070acd0835",
  "reportlab_testfiles/sighting_2.json": "5c6ab833-676c-42f3-95d2-034f0a00020f",
  "reportlab_testfiles/to_delete1.json": "5a0a9aa9-23a4-4607-b6df-41a9950d210f",
  "reportlab_testfiles/to_delete2.json": "5a0d5bf4-99c8-4f15-9879-22b1950d210f",
  "reportlab_testfiles/to_delete3.json": "5a0ac036-6fbc-4855-83af-422b950d210f",
  "reportlab_testfiles/very_long_event.json": "5abf6421-c1b8-477b-a9d2-9c0902de0b81",
  "tests/57c4445b-c548-4654-af0b-4be3950d210f.json": "57c4445b-c548-4654-af0b-4be3950d210f",
  "tests/misp_event.json": "5758ebf5-c898-48e6-9fe9-5665c0a83866",
  "tests/new_misp_event.json": "57c06bb1-625c-4d34-9b9f-4066950d210f",
};
const SAMPLE = `${MISP_DATA}/derived/pymisp-feed-sample`;

async function pymispInputs(): Promise<MispEvent[]> {
  const events: MispEvent[] = [];
  for (const [file, uuid] of Object.entries(PYMISP_INPUTS)) {
    const json = JSON.parse(await Deno.readTextFile(`${MISP_DATA}/events/${file}`));
    // Three inputs are PyMISP's unwrapped form; their only issue is that.
    const parsed = parseEventDocument(json, { acceptUnwrapped: true });
    ok(parsed.event, `${file}: ${JSON.stringify(parsed.issues)}`);
    equal(parsed.event.uuid, uuid, file);
    events.push(parsed.event);
  }
  return events;
}

/** PyMISP fills tag defaults kura does not invent (MISPTag._set_default): compare with them applied. */
function withTagDefaults(tags: Record<string, unknown>[]): Record<string, unknown>[] {
  return tags.map((tag) => ({ local: false, relationship_type: "", ...tag }));
}

sharedTest(
  "renderFeed() of PyMISP's 18 sample events through an internal feed matches PyMISP's manifest",
  async () => {
    const feed = renderFeed(await pymispInputs(), EVERYTHING, context);
    const theirs = JSON.parse(await Deno.readTextFile(`${SAMPLE}/manifest.json`));
    const ours = JSON.parse(feed.manifest);
    deepEqual(Object.keys(ours).sort(), Object.keys(theirs).sort());
    for (const [uuid, entry] of Object.entries<Record<string, unknown>>(ours)) {
      const { "integrity:sha256": integrity, Tag, ...rest } = entry;
      const { Tag: theirTags, ...theirRest } = theirs[uuid];
      deepEqual(rest, theirRest, uuid);
      deepEqual(withTagDefaults(Tag as Record<string, unknown>[]), theirTags, uuid);
      const file = feed.events.find((event) => event.uuid === uuid)!.eventJson;
      equal(integrity, createHash("sha256").update(file).digest("hex"));
    }
  },
);

sharedTest(
  "renderFeed() of PyMISP's 18 sample events gives PyMISP's hashes.csv lines",
  async () => {
    const feed = renderFeed(await pymispInputs(), EVERYTHING, context);
    const theirs = (await Deno.readTextFile(`${SAMPLE}/hashes.csv`)).split("\n").filter(Boolean);
    const ours = feed.hashes.split("\n").filter(Boolean);
    equal(theirs.length, 1226, "the sample as SOURCES.md describes it");
    // PyMISP repeats a line for each repeated value; kura writes each line once.
    deepEqual(
      ours,
      [...new Set(theirs)].sort((a, b) => {
        const [ha, ua] = a.split(",");
        const [hb, ub] = b.split(",");
        return ua! < ub! ? -1 : ua! > ub! ? 1 : ha! < hb! ? -1 : 1;
      }),
    );
  },
);

sharedTest(
  "renderFeed() of PyMISP's sample events carries the same elements and tags as PyMISP's files",
  async () => {
    const feed = renderFeed(await pymispInputs(), EVERYTHING, context);
    for (const event of feed.events) {
      const theirs = JSON.parse(await Deno.readTextFile(`${SAMPLE}/${event.uuid}.json`)).Event;
      const ours = JSON.parse(event.eventJson).Event;
      // object_uuid of references is random in PyMISP's output (SOURCES.md), so only uuids are compared.
      deepEqual(inventory(ours), inventory(theirs), event.uuid);
      equal(ours.info, theirs.info);
      equal(ours.Orgc.uuid, theirs.Orgc.uuid);
    }
  },
);

function inventory(event: Record<string, unknown>): Record<string, string[]> {
  const list = (items: unknown) => (items as { uuid: string }[] | undefined) ?? [];
  const objects = list(event.Object) as {
    uuid: string;
    Attribute?: unknown;
    ObjectReference?: unknown;
  }[];
  return {
    attributes: list(event.Attribute).map((a) => a.uuid).sort(),
    objects: objects.map((o) => o.uuid).sort(),
    objectAttributes: objects.flatMap((o) => list(o.Attribute).map((a) => a.uuid)).sort(),
    references: objects.flatMap((o) => list(o.ObjectReference).map((r) => r.uuid)).sort(),
    tags: ((event.Tag as { name: string }[] | undefined) ?? []).map((t) => t.name),
  };
}
