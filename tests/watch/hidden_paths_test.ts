import { equal } from "node:assert/strict";
import { isHiddenBelow } from "../../src/watch/mod.ts";

const roots = ["/srv/data", "/srv/.kura-feeds"];
const cases: [string, boolean][] = [
  ["/srv/data/events/a.json", false],
  ["/srv/data/events/.a.json.1234.tmp", true],
  ["/srv/data/.git/index", true],
  ["/srv/data", false],
  ["/srv/.kura-feeds", false],
  ["/srv/.kura-feeds/public.json", false],
  ["/srv/.kura-feeds/.public.json.swp", true],
  ["/elsewhere/.x", false],
];
for (const [path, hidden] of cases) {
  Deno.test(`isHiddenBelow() is ${hidden} for ${path}`, () => {
    equal(isHiddenBelow(path, roots), hidden);
  });
}
