import { deepEqual, equal } from "node:assert/strict";
import { formatEventDocument } from "../../src/model/mod.ts";
import { eventUuidReader } from "../../src/store/mod.ts";
import { sampleEvent, sampleObject, tempDir, uuidN } from "../support/sample_events.ts";

Deno.test("eventUuidReader() returns the attribute and object uuids of an event in the data folder", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/events`);
  const event = sampleEvent({ uuid: uuidN(1), Object: [sampleObject(1)] }, 1);
  await Deno.writeTextFile(`${dir.path}/events/${uuidN(1)}.json`, formatEventDocument(event));
  const read = eventUuidReader(dir.path, { maxBytes: 1 << 20 });
  deepEqual(
    [...read(uuidN(1).toUpperCase())!].sort(),
    [event.Attribute![0]!.uuid, event.Object![0]!.uuid, event.Object![0]!.Attribute![0]!.uuid]
      .sort(),
  );
  equal(read(uuidN(2)), undefined);
  equal(read("../../etc/passwd"), undefined);
});

Deno.test("eventUuidReader() refuses events over the size limit and files that are not events", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/events`);
  await Deno.writeTextFile(
    `${dir.path}/events/${uuidN(1)}.json`,
    formatEventDocument(sampleEvent()),
  );
  await Deno.writeTextFile(`${dir.path}/events/${uuidN(2)}.json`, "[1]");
  equal(eventUuidReader(dir.path, { maxBytes: 10 })(uuidN(1)), undefined);
  equal(eventUuidReader(dir.path, { maxBytes: 1 << 20 })(uuidN(2)), undefined);
});
