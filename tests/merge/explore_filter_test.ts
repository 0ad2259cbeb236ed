// Explore filters of misp-behaviour.md §2.8 (preview index: org, tag, date, info; 60 a page).
import { deepEqual, equal } from "node:assert/strict";
import { exploreManifest, type ManifestEntry } from "../../src/merge/mod.ts";

const entry = (n: number, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  uuid: `eeeeeeee-0000-4000-8000-${String(n).padStart(12, "0")}`,
  timestamp: n,
  orgc: { uuid: "11111111-1111-4111-8111-111111111111", name: "CIRCL" },
  tags: [],
  info: `event ${n}`,
  date: `2024-01-${String(n).padStart(2, "0")}`,
  ...extra,
});
const entries = [
  entry(1, { tags: ["tlp:white"] }),
  entry(2, { info: "Ransomware" }),
  entry(3, { orgc: { uuid: "22222222-2222-4222-8222-222222222222", name: "Other CERT" } }),
];

const cases: [string, Parameters<typeof exploreManifest>[1], number[]][] = [
  ["sorts newest first without filters", {}, [3, 2, 1]],
  ["filters by part of an org name", { org: "other" }, [3]],
  ["filters by org uuid", { org: "11111111-1111-4111-8111-111111111111" }, [2, 1]],
  ["filters by tag", { tag: "tlp:white" }, [1]],
  ["filters by date range", { since: "2024-01-02", until: "2024-01-03" }, [3, 2]],
  ["filters by text in info, any case", { text: "RANSOM" }, [2]],
  ["pages", { limit: 2, page: 2 }, [1]],
];
for (const [what, filters, expected] of cases) {
  Deno.test(`exploreManifest() ${what}`, () => {
    deepEqual(exploreManifest(entries, filters).entries.map((e) => e.timestamp), expected);
  });
}

Deno.test("exploreManifest() clamps the page and counts pages", () => {
  const page = exploreManifest(entries, { limit: 2, page: 9 });
  equal(page.page, 2);
  equal(page.pages, 2);
  equal(page.total, 3);
});
