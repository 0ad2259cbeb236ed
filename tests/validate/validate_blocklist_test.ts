import { deepEqual, equal } from "node:assert/strict";
import { validateBlocklistDocument } from "../../src/validate/mod.ts";

const E = "eeeeeeee-0000-4000-8000-000000000001";
const O = "11111111-1111-4111-8111-111111111111";
const codes = (json: unknown) =>
  validateBlocklistDocument(json).map((issue) => [issue.severity, issue.code, issue.path]);

Deno.test("validateBlocklistDocument() accepts events and orgs with their notes", () => {
  deepEqual(
    codes({
      events: [{
        uuid: E,
        info: "x",
        orgc: O,
        comment: "false positive",
        created: "2026-01-01T00:00:00Z",
      }],
      orgs: [{ uuid: O, name: "Example CERT" }],
    }),
    [],
  );
  deepEqual(codes({}), []);
});

Deno.test("validateBlocklistDocument() reports bad uuids, duplicates, bad dates and unknown lists", () => {
  deepEqual(
    codes({
      events: [
        { uuid: "not-a-uuid" },
        { uuid: E, created: "yesterday" },
        { uuid: E.toUpperCase(), orgc: "x" },
      ],
      orgs: [{ uuid: O }, { uuid: O }],
    }),
    [
      ["error", "blocklist.event.uuid.invalid", "events[0].uuid"],
      ["warning", "blocklist.event.created.invalid", "events[1].created"],
      ["warning", "blocklist.event.uuid.case", "events[2].uuid"],
      ["error", "blocklist.event.orgc.invalid", "events[2].orgc"],
      ["error", "blocklist.event.duplicate", "events[2].uuid"],
      ["error", "blocklist.org.duplicate", "orgs[1].uuid"],
    ],
  );
  const shape = validateBlocklistDocument({ event: [] });
  equal(shape[0]?.code, "shape");
  equal(validateBlocklistDocument([])[0]?.code, "shape");
  equal(validateBlocklistDocument({ events: [{ info: "no uuid" }] })[0]?.path, "events[0].uuid");
});
