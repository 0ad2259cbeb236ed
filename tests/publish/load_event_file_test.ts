import { deepEqual, equal, ok } from "node:assert/strict";
import { formatEventDocument } from "../../src/model/mod.ts";
import { loadEventFile } from "../../src/publish/mod.ts";
import { sampleAttribute, sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

const options = { maxBytes: 1024 * 1024, now: 1_800_000_000 };

Deno.test("loadEventFile() returns the event when the file is valid", async () => {
  await using dir = await tempDir();
  const path = `${dir.path}/${uuidN(1)}.json`;
  await Deno.writeTextFile(path, formatEventDocument(sampleEvent({ uuid: uuidN(1) })));
  const verdict = await loadEventFile(path, options);
  equal(verdict.uuid, uuidN(1));
  equal(verdict.event?.info, sampleEvent().info);
  equal(verdict.missing, false);
  deepEqual(verdict.issues.filter((issue) => issue.severity === "error"), []);
});

Deno.test("loadEventFile() reports a missing file as missing, without issues", async () => {
  await using dir = await tempDir();
  const verdict = await loadEventFile(`${dir.path}/${uuidN(1)}.json`, options);
  deepEqual(verdict, { uuid: uuidN(1), issues: [], missing: true });
});

const invalid: [string, string, string][] = [
  ["not JSON", "{", "file.json"],
  [
    "an attribute of an unknown type",
    formatEventDocument(
      sampleEvent({ uuid: uuidN(1), Attribute: [sampleAttribute(1, { type: "nope" })] }),
    ),
    "attribute.type.unknown",
  ],
  [
    "another event's uuid",
    formatEventDocument(sampleEvent({ uuid: uuidN(2) })),
    "file.name.mismatch",
  ],
];
for (const [what, text, code] of invalid) {
  Deno.test(`loadEventFile() withholds the event and reports [${code}] when the file holds ${what}`, async () => {
    await using dir = await tempDir();
    const path = `${dir.path}/${uuidN(1)}.json`;
    await Deno.writeTextFile(path, text);
    const verdict = await loadEventFile(path, options);
    equal(verdict.event, undefined);
    ok(verdict.issues.some((issue) => issue.code === code), JSON.stringify(verdict.issues));
  });
}

Deno.test("loadEventFile() runs the plugged-in checks", async () => {
  await using dir = await tempDir();
  const path = `${dir.path}/${uuidN(1)}.json`;
  await Deno.writeTextFile(path, formatEventDocument(sampleEvent({ uuid: uuidN(1) })));
  const verdict = await loadEventFile(path, {
    ...options,
    checks: [() => [{ code: "x.check", severity: "error", path: "", message: "refused" }]],
  });
  equal(verdict.event, undefined);
  ok(verdict.issues.some((issue) => issue.code === "x.check"));
});
