import { deepEqual, equal } from "node:assert/strict";
import { createHash } from "node:crypto";
import { formatHashes, hashLinesOf } from "../../src/feed/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject } from "../support/sample_events.ts";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

Deno.test("hashLinesOf() gives md5(value),uuid per value, one per part of composite values", () => {
  const event = sampleEvent({
    Attribute: [
      sampleAttribute(1, { type: "ip-dst", value: "192.0.2.1" }),
      sampleAttribute(2, { type: "filename|md5", value: "a.exe|0cc175b9c0f1b6a831c399e269772661" }),
      sampleAttribute(3, {
        type: "malware-sample",
        value: "b.exe|900150983cd24fb0d6963f7d28e17f72",
      }),
      sampleAttribute(4, { type: "text", value: "a|b stays whole" }),
      sampleAttribute(5, { type: "ip-dst", value: "192.0.2.1" }),
      sampleAttribute(6, { type: "domain", value: "gone.example", deleted: true }),
    ],
    Object: [sampleObject(1), sampleObject(2, { deleted: true })],
  });
  const uuid = event.uuid!;
  const expected = [
    "192.0.2.1",
    "a.exe",
    "0cc175b9c0f1b6a831c399e269772661",
    "b.exe",
    "900150983cd24fb0d6963f7d28e17f72",
    "a|b stays whole",
    "host1.example.com",
  ].map((value) => `${md5(value)},${uuid}`).sort();
  deepEqual(hashLinesOf(event), expected);
});

Deno.test("formatHashes() sorts events by uuid whatever the input order", () => {
  const a = { uuid: "b", hashLines: ["2,b", "3,b"] };
  const b = { uuid: "a", hashLines: ["1,a"] };
  equal(formatHashes([a, b]), "1,a\n2,b\n3,b\n");
  equal(formatHashes([b, a]), formatHashes([a, b]));
  equal(formatHashes([]), "");
});
