import { deepEqual, equal } from "node:assert/strict";
import { formatManifest, type ManifestEntry, manifestEntryOf } from "../../src/feed/mod.ts";
import { sampleEvent } from "../support/sample_events.ts";

Deno.test("manifestEntryOf() has PyMISP's key set plus integrity, numbers where PyMISP writes numbers", () => {
  const event = sampleEvent({
    Tag: [{ name: "tlp:green", colour: "#33FF00", local: false, relationship_type: "" }],
  });
  deepEqual(manifestEntryOf(event, "ab"), {
    Orgc: { name: "Example CERT", uuid: "11111111-1111-4111-8111-111111111111" },
    Tag: [{ name: "tlp:green", colour: "#33FF00", local: false, relationship_type: "" }],
    info: "Phishing campaign against example.org",
    date: "2024-03-01",
    analysis: 1,
    threat_level_id: 2,
    timestamp: 1700000000,
    "integrity:sha256": "ab",
  });
});

Deno.test("manifestEntryOf() is undefined without what a consumer needs", () => {
  for (const missing of ["Orgc", "info", "date", "timestamp"]) {
    equal(manifestEntryOf(sampleEvent({ [missing]: undefined }), "ab"), undefined, missing);
  }
});

Deno.test("formatManifest() writes one sorted line per event, the same for any input order", () => {
  const entry = (info: string): ManifestEntry => ({
    Orgc: { name: "O", uuid: "u" },
    Tag: [],
    info,
    date: "2024-01-01",
    timestamp: 1,
    "integrity:sha256": "ab",
  });
  const text = formatManifest([["b", entry("second")], ["a", entry("first — é")]]);
  equal(
    text,
    '{\n"a":{"Orgc":{"name":"O","uuid":"u"},"Tag":[],"date":"2024-01-01","info":"first — é","integrity:sha256":"ab","timestamp":1},\n' +
      '"b":{"Orgc":{"name":"O","uuid":"u"},"Tag":[],"date":"2024-01-01","info":"second","integrity:sha256":"ab","timestamp":1}\n}\n',
  );
  equal(formatManifest([["a", entry("first — é")], ["b", entry("second")]]), text);
  deepEqual(Object.keys(JSON.parse(text)), ["a", "b"]);
  equal(formatManifest([]), "{}\n");
});
