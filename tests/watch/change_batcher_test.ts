import { deepEqual, equal } from "node:assert/strict";
import { ChangeBatcher } from "../../src/watch/mod.ts";

Deno.test("ChangeBatcher.close() drops pending changes and ends a waiting consumer", async () => {
  const batcher = new ChangeBatcher({ debounceMs: 10_000 });
  const batches = batcher.batches();
  const waiting = batches.next();
  batcher.add("/a");
  batcher.close();
  equal((await waiting).done, true);
  batcher.add("/b");
  equal((await batches.next()).done, true);
});

Deno.test("ChangeBatcher delivers paths sorted and once each", async () => {
  const batcher = new ChangeBatcher({ debounceMs: 5 });
  const batches = batcher.batches();
  for (const path of ["/c", "/a", "/c", "/b", "/a"]) batcher.add(path);
  deepEqual((await batches.next()).value, ["/a", "/b", "/c"]);
  batcher.close();
});
