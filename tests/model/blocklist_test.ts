import { equal } from "node:assert/strict";
import { blocklistDocument, blocklistOf, formatBlocklistDocument } from "../../src/model/mod.ts";

Deno.test("formatBlocklistDocument() sorts each list by uuid, uuid first, and keeps everything", () => {
  const text = formatBlocklistDocument({
    orgs: [{ uuid: "22222222-2222-4222-8222-222222222222", comment: "spam", extra: 1 }],
    events: [
      { created: "2026-01-02T00:00:00Z", uuid: "eeeeeeee-0000-4000-8000-000000000002" },
      { comment: "dup", uuid: "eeeeeeee-0000-4000-8000-000000000001" },
      { uuid: "EEEEEEEE-0000-4000-8000-000000000001" },
    ],
  });
  equal(
    text,
    `{
  "events": [
    {
      "uuid": "eeeeeeee-0000-4000-8000-000000000001",
      "comment": "dup"
    },
    {
      "uuid": "EEEEEEEE-0000-4000-8000-000000000001"
    },
    {
      "uuid": "eeeeeeee-0000-4000-8000-000000000002",
      "created": "2026-01-02T00:00:00Z"
    }
  ],
  "orgs": [
    {
      "uuid": "22222222-2222-4222-8222-222222222222",
      "comment": "spam",
      "extra": 1
    }
  ]
}
`,
  );
  equal(formatBlocklistDocument(JSON.parse(text)), text, "idempotent");
});

Deno.test("blocklistOf() looks up by lower-case uuid; blocklistDocument() leaves empty lists out", () => {
  const blocklist = blocklistOf({ events: [{ uuid: "EEEEEEEE-0000-4000-8000-000000000001" }] });
  equal(blocklist.events.has("eeeeeeee-0000-4000-8000-000000000001"), true);
  equal(JSON.stringify(blocklistDocument(blocklist)).includes("orgs"), false);
});
