import { equal } from "node:assert/strict";
import { eventUuidOfFile, isFeedName } from "../../src/http/mod.ts";

const uuid = "0f250d30-e5c9-58a9-996b-ef026da6f778";
const files: [string, string | undefined][] = [
  [`${uuid}.json`, uuid],
  [`${uuid.toUpperCase()}.json`, undefined],
  [uuid, undefined],
  [`${uuid}.json.gz`, undefined],
  [`../${uuid}.json`, undefined],
  [`x${uuid}.json`, undefined],
  ["manifest.json", undefined],
];
for (const [file, expected] of files) {
  Deno.test(`eventUuidOfFile() reads ${JSON.stringify(file)} as ${expected ?? "no event"}`, () => {
    equal(eventUuidOfFile(file), expected);
  });
}

const names: [string, boolean][] = [
  ["public", true],
  ["energy-sector_2", true],
  ["", false],
  ["..", false],
  ["a/b", false],
  ["Public", false],
  ["-x", false],
  ["a".repeat(65), false],
];
for (const [name, expected] of names) {
  Deno.test(`isFeedName() is ${expected} for ${JSON.stringify(name)}`, () => {
    equal(isFeedName(name), expected);
  });
}
