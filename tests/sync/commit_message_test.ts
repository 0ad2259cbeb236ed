import { equal } from "node:assert/strict";
import { noChanges } from "../../src/merge/mod.ts";
import { commitMessage } from "../../src/sync/mod.ts";

Deno.test("commitMessage() names the peer, the counts and each event with what changed", () => {
  const changes = { ...noChanges(), attributesAdded: 2 };
  const message = commitMessage("circl", [
    { uuid: "b", status: "updated", reason: "", info: "Second\nline", changes },
    { uuid: "a", status: "new", reason: "", info: "First" },
  ]);
  equal(
    message,
    "Pull from peer circl: 1 new, 1 updated\n\nnew     a First\nupdated b Second line (2 attribute(s) added)\n",
  );
});
