import { equal } from "node:assert/strict";
import { type Audience, isTagExportable } from "../../src/access/mod.ts";
import type { Tag } from "../../src/model/mod.ts";

const ORG: Audience = { kind: "org", org: "0a0a0a0a-0000-4000-8000-000000000002" };
const INTERNAL: Audience = { kind: "internal" };

// misp-behaviour.md §2.5: non-exportable tags never leave; local tags leave only over internal links.
const CASES: [string, Tag, boolean, boolean][] = [
  ["a plain tag", { name: "tlp:clear" }, true, true],
  ["a local tag", { name: "x", local: true }, false, true],
  ["a local_only tag", { name: "x", local_only: true }, false, true],
  ["a non-exportable tag", { name: "x", exportable: false }, false, false],
  ["an exportable, non-local tag", { name: "x", exportable: true, local: false }, true, true],
];

for (const [label, tag, toOrg, toInternal] of CASES) {
  Deno.test(`isTagExportable() decides ${label}`, () => {
    equal(isTagExportable(tag, ORG), toOrg);
    equal(isTagExportable(tag, INTERNAL), toInternal);
  });
}
