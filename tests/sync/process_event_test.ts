// Lost-update protection: a merge is written under the data folder's write lock, and made again
// when the local copy changed after it was read (two peers, or an editor, touching one event).
import { equal, ok } from "node:assert/strict";
import { formatEventDocument } from "../../src/model/mod.ts";
import { FsEventStore, QuarantineStore } from "../../src/store/mod.ts";
import { processFetchedEvent, storeOutcomes } from "../../src/sync/mod.ts";
import { HOST_ORG, testPeer } from "../support/pull_fixture.ts";
import { sampleAttribute, sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

const UUID = uuidN(1, "eeeeeeee");

function feedBytes(attributes: number[], timestamp: string): Uint8Array {
  const event = sampleEvent({
    uuid: UUID,
    timestamp,
    Attribute: attributes.map((n) => sampleAttribute(n, { timestamp })),
  });
  return new TextEncoder().encode(formatEventDocument(event));
}

Deno.test("storeOutcomes() merges again with a local copy changed since the first merge, losing nothing", async () => {
  await using dir = await tempDir();
  const store = new FsEventStore(`${dir.path}/data`);
  const deps = {
    store,
    quarantine: new QuarantineStore(`${dir.path}/.kura`),
    hostOrg: HOST_ORG,
    now: 1800000000,
  };
  const peer = testPeer("http://127.0.0.1:1/");
  // A synced local copy with attribute 1.
  await store.put({
    ...sampleEvent({ uuid: UUID, Attribute: [sampleAttribute(1)] }),
    locked: true,
  });
  // Two peers send newer versions, each adding its own attribute; both merges read the same copy.
  const first = await processFetchedEvent(peer, {
    uuid: UUID,
    bytes: feedBytes([1, 2], "1700000100"),
  }, deps);
  const second = await processFetchedEvent(peer, {
    uuid: UUID,
    bytes: feedBytes([1, 3], "1700000200"),
  }, deps);
  equal(first.result.status, "updated");
  equal(second.result.status, "updated");
  await storeOutcomes(store, [{ uuid: UUID, outcome: first }]);
  const [final] = await storeOutcomes(store, [{ uuid: UUID, outcome: second }]);
  equal(final!.result.status, "updated");
  const stored = await store.get(UUID);
  const values = stored!.Attribute!.map((attribute) => attribute.value).sort();
  // Without the second merge, the copy holding attribute 2 would have been overwritten.
  equal(values.join(" "), ["192.0.2.1", "192.0.2.2", "192.0.2.3"].sort().join(" "));
  equal(stored!.timestamp, "1700000200");
});

Deno.test("storeOutcomes() turns a stale update into its new verdict when the local copy moved past it", async () => {
  await using dir = await tempDir();
  const store = new FsEventStore(`${dir.path}/data`);
  const deps = {
    store,
    quarantine: new QuarantineStore(`${dir.path}/.kura`),
    hostOrg: HOST_ORG,
    now: 1800000000,
  };
  const peer = testPeer("http://127.0.0.1:1/");
  await store.put({
    ...sampleEvent({ uuid: UUID, Attribute: [sampleAttribute(1)] }),
    locked: true,
  });
  const stale = await processFetchedEvent(peer, {
    uuid: UUID,
    bytes: feedBytes([1, 2], "1700000100"),
  }, deps);
  // Meanwhile a newer version lands.
  await store.put({
    ...sampleEvent({ uuid: UUID, timestamp: "1700000500", Attribute: [sampleAttribute(1)] }),
    locked: true,
  });
  const [final] = await storeOutcomes(store, [{ uuid: UUID, outcome: stale }]);
  ok(final!.result.status !== "updated", `${final!.result.status}: ${final!.result.reason}`);
  equal((await store.get(UUID))!.timestamp, "1700000500");
  equal((await store.get(UUID))!.Attribute!.length, 1);
});
