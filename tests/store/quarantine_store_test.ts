import { deepEqual, equal, match, ok } from "node:assert/strict";
import { QuarantineStore } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

const time = new Date("2026-01-02T03:04:05.678Z");
const bytes = new TextEncoder().encode('{"Event": 1}');

Deno.test("QuarantineStore.add() keeps a receipt beside the exact bytes fetched", async () => {
  await using dir = await tempDir();
  const store = new QuarantineStore(dir.path);
  const uuid = "eeeeeeee-0000-4000-8000-000000000001";
  const receipt = await store.add({ peer: "a", uuid, reason: "bad", time, body: bytes });
  equal(receipt.id, `${uuid}-20260102T030405678Z`);
  deepEqual(await Deno.readFile(`${dir.path}/quarantine/a/${receipt.id}.body`), bytes);
  const got = await store.get(receipt.id);
  deepEqual(got?.receipt, receipt);
  deepEqual(got?.body, bytes);
  deepEqual(await store.list("a"), [receipt]);
  ok(await store.drop(receipt.id));
  deepEqual(await store.list(), []);
  equal(await store.drop(receipt.id), false);
});

Deno.test("QuarantineStore.add() names a receipt for a key that is not a uuid by its digest", async () => {
  await using dir = await tempDir();
  const store = new QuarantineStore(dir.path);
  const receipt = await store.add({ peer: "a", uuid: "../../x", reason: "key", time, body: bytes });
  match(receipt.id, /^key-[0-9a-f]{12}-20260102T030405678Z$/);
  equal(receipt.uuid, "../../x");
  equal(await store.get("../../x"), undefined);
});
