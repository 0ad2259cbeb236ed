import { deepEqual, equal, match, rejects } from "node:assert/strict";
import { InvalidDataError } from "../../src/errors.ts";
import { type Blocklist, EMPTY_BLOCKLIST } from "../../src/model/mod.ts";
import { blocklistPath, readBlocklist, updateBlocklist } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

const E1 = "eeeeeeee-0000-4000-8000-000000000001";
const E2 = "eeeeeeee-0000-4000-8000-000000000002";

const adding = (uuid: string) => (current: Blocklist): Blocklist => ({
  ...current,
  events: new Map([...current.events, [uuid, { uuid }]]),
});

Deno.test("readBlocklist() is empty without a file; updateBlocklist() writes it sorted and removes it when empty", async () => {
  await using dir = await tempDir();
  equal(await readBlocklist(dir.path), EMPTY_BLOCKLIST);
  await updateBlocklist(dir.path, adding(E2));
  await updateBlocklist(dir.path, adding(E1));
  equal(
    await Deno.readTextFile(blocklistPath(dir.path)),
    `{\n  "events": [\n    {\n      "uuid": "${E1}"\n    },\n    {\n      "uuid": "${E2}"\n    }\n  ]\n}\n`,
  );
  deepEqual([...(await readBlocklist(dir.path)).events.keys()], [E1, E2]);
  await updateBlocklist(dir.path, () => EMPTY_BLOCKLIST);
  await rejects(Deno.stat(blocklistPath(dir.path)), Deno.errors.NotFound);
});

Deno.test("updateBlocklist() loses no change made at the same time", async () => {
  await using dir = await tempDir();
  const uuids = Array.from({ length: 8 }, (_, i) => `eeeeeeee-0000-4000-8000-00000000001${i}`);
  await Promise.all(uuids.map((uuid) => updateBlocklist(dir.path, adding(uuid))));
  deepEqual([...(await readBlocklist(dir.path)).events.keys()], uuids);
});

Deno.test("readBlocklist() fails closed on a file it cannot use, naming it and the problem", async () => {
  await using dir = await tempDir();
  for (
    const [text, problem] of [
      ["{ broken", /not valid JSON|JSON/i],
      [`{"events": [{"uuid": "${E1}"}, {"uuid": "${E1}"}]}`, /events\[1\]\.uuid: .* listed twice/],
      [`{"event": []}`, /event/],
    ] as const
  ) {
    await Deno.writeTextFile(blocklistPath(dir.path), text);
    await rejects(readBlocklist(dir.path), (error: Error) => {
      equal(error instanceof InvalidDataError, true);
      match(error.message, /blocklist\.json cannot be used/);
      match(error.message, problem);
      match(error.message, /nothing is pulled until it is fixed/);
      return true;
    });
    // and a change is refused rather than written over a file it could not read
    await rejects(updateBlocklist(dir.path, adding(E2)), InvalidDataError);
    equal(await Deno.readTextFile(blocklistPath(dir.path)), text);
  }
});
