/**
 * Real MISP data (../shared/misp-data, see its SOURCES.md and misp-formats.md §7): every file gets a
 * verdict from `kura validate` without a crash, every event survives a load/save round trip with no
 * field lost, and what validation says about the content is pinned below with the reason.
 */
import { deepEqual, equal, ok } from "node:assert/strict";
import { canonicalEvent, formatEventDocument, parseEventDocument } from "../../src/model/mod.ts";
import { checkDataFile } from "../../src/store/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { tempDir } from "../support/sample_events.ts";
import { semanticDiff } from "../support/semantic_diff.ts";
import { HAS_SHARED, MISP_DATA, sharedJsonFiles, sharedTest } from "../support/shared_data.ts";

const FOLDERS = ["events", "derived/pymisp-feed-sample"];
const ALL_FILES = HAS_SHARED
  ? (await Promise.all(FOLDERS.map((folder) => sharedJsonFiles(folder)))).flat()
  : [];
const relative = (path: string) => path.slice(MISP_DATA.length + 1);

/** Files in those folders that are not events (SOURCES.md); they still get a verdict. */
const NOT_EVENTS = new Set([
  "events/tests/search_index_result.json", // an /events/index result (array)
  "events/tests/sharing_groups.json", // a SharingGroup list (array)
  "events/mispevent_testfiles/galaxy.json", // a Galaxy with its cluster
  "events/mispevent_testfiles/sighting.json", // a Sighting
  "events/mispevent_testfiles/simple.json", // {}
  "events/mispevent_testfiles/malware_exist.json", // a {"response": …} search result
  "events/mispevent_testfiles/overwrite_file/definition.json", // an object template
  "events/mispevent_testfiles/test_object_template/definition.json", // an object template
  "derived/pymisp-feed-sample/manifest.json", // the feed manifest
]);
const EVENT_FILES = ALL_FILES.filter((path) => !NOT_EVENTS.has(relative(path)));

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await Deno.readTextFile(path));
}

/** PyMISP's bare-event form lacks the {"Event": …} envelope; tests wrap it (misp-formats.md §7). */
function isUnwrapped(json: Record<string, unknown>): boolean {
  return !("Event" in json);
}

function wrap(json: Record<string, unknown>): Record<string, unknown> {
  return isUnwrapped(json) ? { Event: json } : json;
}

sharedTest("kura validate gives every real MISP file a verdict without crashing", async () => {
  await using dir = await tempDir();
  const run = await runKura(
    ["validate", "--format", "json", ...FOLDERS.map((folder) => `${MISP_DATA}/${folder}`)],
    dir.path,
  );
  equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as {
    files: { file: string; valid: boolean; issues: { code: string }[] }[];
  };
  deepEqual(report.files.map((file) => file.file).sort(), [...ALL_FILES].sort());
  for (const file of report.files) {
    ok(!file.issues.some((issue) => issue.code === "check.crashed"), file.file);
  }
  // The one upstream event named by its uuid is read through and fails only on its distribution.
  const named = report.files.find((file) =>
    file.file.endsWith("tests/57c4445b-c548-4654-af0b-4be3950d210f.json")
  );
  deepEqual(named?.issues.map((issue) => issue.code), ["event.distribution.missing"]);
});

sharedTest("kura validate refuses every unwrapped (PyMISP bare-event) fixture", async () => {
  await using dir = await tempDir();
  const unwrapped: string[] = [];
  for (const path of EVENT_FILES) if (isUnwrapped(await readJson(path))) unwrapped.push(path);
  ok(unwrapped.length >= 10, `expected the PyMISP fixtures, found ${unwrapped.length}`);
  const run = await runKura(["validate", "--format", "json", ...unwrapped], dir.path);
  equal(run.code, 1);
  const report = JSON.parse(run.stdout) as {
    files: { file: string; valid: boolean; issues: { code: string }[] }[];
  };
  equal(report.files.length, unwrapped.length);
  for (const file of report.files) {
    equal(file.valid, false, file.file);
    ok(file.issues.some((issue) => issue.code === "document.root"), file.file);
  }
});

if (!HAS_SHARED) sharedTest("every real event survives a load/save round trip", () => {});
for (const path of EVENT_FILES) {
  sharedTest(`formatEventDocument() loses nothing of ${relative(path)}`, async () => {
    const original = wrap(await readJson(path));
    const first = parseEventDocument(original);
    ok(first.event, JSON.stringify(first.issues.slice(0, 3)));
    const text = formatEventDocument(first.event);
    const second = parseEventDocument(JSON.parse(text));
    ok(second.event);
    deepEqual(second.issues, first.issues);
    deepEqual(second.event, canonicalEvent(first.event));
    equal(formatEventDocument(second.event), text, "the canonical text is stable");
    deepEqual(semanticDiff(original, JSON.parse(text)), []);
  });
}

// What validation says about each real event's content (wrapped, stored as events/<uuid>.json so that
// only the content is judged). Each error was checked against MISP; none is a rule refusing data that
// MISP would store as is:
const NO_DISTRIBUTION = "event.distribution.missing";
/**
 * PyMISP's minimal serialisations lack what MISP's /events/add fills in on the server (uuid, Orgc,
 * timestamp) or are partial events with no info/date/levels; a data file must carry them itself.
 */
const PYMISP_PARTIAL = ["event.orgc.missing", "event.timestamp.missing", "event.uuid.missing"];
const PYMISP_BARE = [
  ...PYMISP_PARTIAL,
  "event.analysis.missing",
  "event.date.missing",
  NO_DISTRIBUTION,
  "event.info.missing",
  "event.threat_level_id.missing",
];
const FINDINGS: Record<string, string[]> = {
  "events/mispevent_testfiles/attribute.json": ["attribute.uuid.missing", ...PYMISP_PARTIAL],
  "events/mispevent_testfiles/attribute_del.json": ["attribute.uuid.missing", ...PYMISP_PARTIAL],
  // PyMISP test objects use the uuids "a" and "b" (misp-formats.md §7): MISP refuses them.
  "events/mispevent_testfiles/def_param.json": [
    "attribute.uuid.missing",
    ...PYMISP_PARTIAL,
    "object.uuid.invalid",
  ],
  "events/mispevent_testfiles/event.json": PYMISP_PARTIAL,
  "events/mispevent_testfiles/event_obj_attr_tag.json": [
    "attribute.uuid.missing",
    ...PYMISP_BARE,
    "object.uuid.invalid",
    "reference.referenced_uuid.invalid",
  ],
  "events/mispevent_testfiles/event_obj_def_param.json": [
    "attribute.uuid.missing",
    ...PYMISP_BARE,
    "object.uuid.invalid",
  ],
  "events/mispevent_testfiles/event_obj_tag.json": [
    "attribute.uuid.missing",
    ...PYMISP_BARE,
    "object.uuid.invalid",
  ],
  "events/mispevent_testfiles/event_tags.json": PYMISP_PARTIAL,
  "events/mispevent_testfiles/existing_event.json": [],
  // The edited copy has no event timestamp (misp-formats.md §7); MISP would stamp it on save.
  "events/mispevent_testfiles/existing_event_edited.json": ["event.timestamp.missing"],
  // PyMISP input form: value "bar.exe" with malware_filename/encrypt keys for PyMISP to turn into a
  // sample; MISP refuses a malware-sample value that is not filename|md5 (§4.2).
  "events/mispevent_testfiles/malware.json": [
    "attribute.uuid.missing",
    "attribute.value.composite",
    ...PYMISP_PARTIAL,
  ],
  "events/mispevent_testfiles/misp_custom_obj.json": [
    "attribute.uuid.missing",
    ...PYMISP_PARTIAL,
    "object.uuid.invalid",
  ],
  "events/mispevent_testfiles/proposals.json": ["attribute.uuid.missing", ...PYMISP_PARTIAL],
  "events/mispevent_testfiles/shadow.json": [],
  // Feed-format events (CIRCL OSINT style, misp-formats.md §7) and PyMISP feed output
  // (with_distribution=False) carry no distribution: a MISP feed consumer imposes the feed's own.
  // A kura data file has no such outer default, and guessing one could widen who sees the event,
  // so the rule stays an error: set the distribution when adopting a feed event.
  "events/reportlab_testfiles/HTML_event.json": [NO_DISTRIBUTION],
  "events/reportlab_testfiles/galaxy_1.json": [],
  "events/reportlab_testfiles/image_event.json": [],
  "events/reportlab_testfiles/japanese_test.json": [],
  // Ten attributes share one uuid; MISP's unique key refuses all but the first (§4.1, §13.24).
  "events/reportlab_testfiles/japanese_test_heavy.json": ["event.uuid.duplicate"],
  "events/reportlab_testfiles/long_event.json": [NO_DISTRIBUTION],
  "events/reportlab_testfiles/mainly_objects_1.json": [NO_DISTRIBUTION],
  "events/reportlab_testfiles/mainly_objects_2.json": [NO_DISTRIBUTION],
  "events/reportlab_testfiles/sighting_1.json": [],
  "events/reportlab_testfiles/sighting_2.json": [],
  "events/reportlab_testfiles/to_delete1.json": [NO_DISTRIBUTION],
  // An ssdeep value broken by \r\n (misp-formats.md §7): MISP's ssdeep rule refuses it too (§4.4).
  "events/reportlab_testfiles/to_delete2.json": ["attribute.value.ssdeep", NO_DISTRIBUTION],
  "events/reportlab_testfiles/to_delete3.json": [NO_DISTRIBUTION],
  "events/reportlab_testfiles/very_long_event.json": [NO_DISTRIBUTION],
  "events/tests/57c4445b-c548-4654-af0b-4be3950d210f.json": [NO_DISTRIBUTION],
  "events/tests/misp_event.json": [],
  "events/tests/new_misp_event.json": [],
  "derived/pymisp-feed-sample/5a0d5bf4-99c8-4f15-9879-22b1950d210f.json": [
    "attribute.value.ssdeep",
    NO_DISTRIBUTION,
  ],
  "derived/pymisp-feed-sample/5c7cdc3b-2f40-4dca-8200-276c0a00020f.json": [
    NO_DISTRIBUTION,
    "event.uuid.duplicate",
  ],
};
/** The other feed-sample events: only the missing distribution of feed output. */
const FEED_DEFAULT = [NO_DISTRIBUTION];
const PLACEHOLDER_UUID = "00000000-0000-4000-8000-000000000000";

for (const path of EVENT_FILES) {
  const name = relative(path);
  sharedTest(`checkDataFile() finds the known errors, and only those, in ${name}`, async () => {
    await using dir = await tempDir();
    const document = wrap(await readJson(path));
    const uuid = (document.Event as { uuid?: unknown }).uuid;
    const stored = `${dir.path}/events/${typeof uuid === "string" ? uuid : PLACEHOLDER_UUID}.json`;
    await Deno.mkdir(`${dir.path}/events`);
    await Deno.writeTextFile(stored, JSON.stringify(document));
    const issues = await checkDataFile(stored, { maxBytes: 64 * 1024 * 1024, confineTo: dir.path });
    const codes = [...new Set(issues.filter((i) => i.severity === "error").map((i) => i.code))];
    const expected = FINDINGS[name] ??
      (name.startsWith("derived/") ? FEED_DEFAULT : undefined);
    ok(expected, `${name} has no entry in FINDINGS`);
    deepEqual(codes.sort(), [...expected].sort(), JSON.stringify(issues.slice(0, 5)));
  });
}

Deno.test("semanticDiff() reports a lost field, a changed value and a moved tag", () => {
  const original = { Event: { info: "x", id: 7, Tag: [{ name: "a" }, { name: "b" }] } };
  deepEqual(
    semanticDiff(original, { Event: { info: "x", id: "7", Tag: [{ name: "a" }, { name: "b" }] } }),
    [],
  );
  deepEqual(semanticDiff(original, { Event: { id: "7", Tag: [{ name: "a" }, { name: "b" }] } }), [
    ".Event.info: lost",
  ]);
  deepEqual(
    semanticDiff(original, { Event: { info: "y", id: "8", Tag: [{ name: "b" }, { name: "a" }] } })
      .length,
    4,
  );
});

Deno.test("semanticDiff() allows attributes in another order and flags 0/1 written as booleans", () => {
  const original = { Attribute: [{ uuid: "b", to_ids: 1 }, { uuid: "a", to_ids: "0" }] };
  deepEqual(
    semanticDiff(original, {
      Attribute: [{ uuid: "a", to_ids: false }, { uuid: "b", to_ids: true }],
    }),
    [],
  );
  deepEqual(
    semanticDiff(original, {
      Attribute: [{ uuid: "a", to_ids: true }, { uuid: "b", to_ids: true }],
    }),
    ["[1]: no equivalent item was written"].map((line) => `.Attribute${line}`),
  );
});
