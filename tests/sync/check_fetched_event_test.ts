// Checks of the sync issue on each fetched event; accepted shapes from misp-behaviour.md §3.1.
import { equal, match, ok } from "node:assert/strict";
import { createHash } from "node:crypto";
import { checkFetchedEvent, refusedByValidation } from "../../src/sync/mod.ts";
import { sampleEvent, TEST_ORG } from "../support/sample_events.ts";

const event = sampleEvent();
const options = { peer: "p", orgs: [TEST_ORG.uuid], internal: false };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

const accepted: [string, unknown][] = [
  ['{"Event": …}', { Event: event }],
  ['{"response": [{"Event": …}]}', { response: [{ Event: event }] }],
  ['[{"Event": …}]', [{ Event: event }]],
  ["lower-case orgc", { Event: { ...event, Orgc: undefined, orgc: TEST_ORG } }],
];
for (const [what, json] of accepted) {
  Deno.test(`checkFetchedEvent() accepts ${what}`, async () => {
    const verdict = await checkFetchedEvent(bytes(json), { uuid: event.uuid! }, options);
    ok(verdict.ok, JSON.stringify(verdict));
  });
}

const refused: [string, Uint8Array, RegExp, string?][] = [
  ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), /not valid UTF-8/],
  ["a wrong root", bytes({ event }), /wrong shape/],
  [
    "a uuid mismatch",
    bytes({ Event: { ...event, uuid: "eeeeeeee-0000-4000-8000-00000000000f" } }),
    /uuid mismatch/,
  ],
  ["a digest mismatch", bytes({ Event: event }), /integrity:sha256 mismatch/, "0".repeat(64)],
];
for (const [what, body, reason, sha256] of refused) {
  Deno.test(`checkFetchedEvent() refuses ${what}`, async () => {
    const verdict = await checkFetchedEvent(body, { uuid: event.uuid!, sha256 }, options);
    ok(!verdict.ok);
    match(verdict.reason, reason);
  });
}

Deno.test("checkFetchedEvent() accepts a matching integrity digest", async () => {
  const body = bytes({ Event: event });
  const sha256 = createHash("sha256").update(body).digest("hex");
  ok((await checkFetchedEvent(body, { uuid: event.uuid!, sha256 }, options)).ok);
});

Deno.test("refusedByValidation() refuses errors and timestamps from the future, not warnings", () => {
  equal(refusedByValidation(event, { now: 1800000000 }), undefined);
  match(
    refusedByValidation({ ...event, timestamp: "1900000000" }, { now: 1800000000 }) ?? "",
    /future/,
  );
  match(
    refusedByValidation({ ...event, info: "" }, { now: 1800000000 }) ?? "",
    /validation failed/,
  );
});
