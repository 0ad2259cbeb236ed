/**
 * @module
 * The EventStore contract: every adapter (files, memory) must pass these tests.
 */
import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import type { EventStore } from "../../src/store/mod.ts";
import { formatEventDocument, parseEventDocument } from "../../src/model/mod.ts";
import { sampleEvent, uuidN } from "../support/sample_events.ts";

/** Opens a fresh, empty store and a disposer. */
export type StoreFactory = () => Promise<{ store: EventStore } & AsyncDisposable>;

/** Registers the contract tests for one adapter. */
export function eventStoreContract(adapter: string, open: StoreFactory): void {
  const test = (name: string, fn: (store: EventStore) => Promise<void>) =>
    Deno.test(`${adapter}: ${name}`, async () => {
      await using opened = await open();
      await fn(opened.store);
    });

  test("get() returns undefined when no event has that uuid", async (store) => {
    equal(await store.get(uuidN(9)), undefined);
  });

  test("get() returns what put() stored, with every field", async (store) => {
    const event = sampleEvent({ uuid: uuidN(1), x_custom: { kept: [1, "two"] } });
    await store.put(event);
    const loaded = await store.get(uuidN(1));
    deepEqual(loaded, parseEventDocument(JSON.parse(formatEventDocument(event))).event);
    deepEqual(loaded?.x_custom, { kept: [1, "two"] });
  });

  test("put() replaces an existing event", async (store) => {
    await store.put(sampleEvent({ uuid: uuidN(1), info: "first" }));
    await store.put(sampleEvent({ uuid: uuidN(1), info: "second" }));
    equal((await store.get(uuidN(1)))?.info, "second");
    deepEqual(await store.list(), [uuidN(1)]);
  });

  test("list() returns every uuid sorted", async (store) => {
    await store.put(sampleEvent({ uuid: uuidN(3) }), sampleEvent({ uuid: uuidN(1) }));
    await store.put(sampleEvent({ uuid: uuidN(2) }));
    deepEqual(await store.list(), [uuidN(1), uuidN(2), uuidN(3)]);
  });

  test("put() refuses an event whose uuid is not a lower-case uuid, storing nothing", async (store) => {
    for (
      const uuid of ["../../etc/passwd", "A0000000-0000-4000-8000-000000000001", "", undefined]
    ) {
      await rejects(async () => await store.put(sampleEvent({ uuid: uuid as string })), /uuid/);
    }
    deepEqual(await store.list(), []);
  });

  test("a batch with one bad uuid stores none of the batch", async (store) => {
    await rejects(async () =>
      await store.put(sampleEvent({ uuid: uuidN(1) }), sampleEvent({ uuid: "bad" }))
    );
    deepEqual(await store.list(), []);
  });

  test("delete() removes an event and reports whether it existed", async (store) => {
    await store.put(sampleEvent({ uuid: uuidN(1) }));
    equal(await store.delete(uuidN(1)), true);
    equal(await store.delete(uuidN(1)), false);
    equal(await store.get(uuidN(1)), undefined);
  });

  test("get() of a non-uuid such as a path returns undefined", async (store) => {
    equal(await store.get("../events/x"), undefined);
  });

  test("scan() yields every stored event with an empty issue list", async (store) => {
    await store.put(sampleEvent({ uuid: uuidN(2) }), sampleEvent({ uuid: uuidN(1) }));
    const seen: string[] = [];
    for await (const result of store.scan()) {
      deepEqual(result.issues, []);
      equal(result.event?.uuid, result.uuid);
      seen.push(result.uuid);
    }
    deepEqual(seen, [uuidN(1), uuidN(2)]);
  });

  test("concurrent puts of different events all land", async (store) => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.put(sampleEvent({ uuid: uuidN(i + 1) }))),
    );
    equal((await store.list()).length, 20);
  });

  test("stored events come back in canonical order whatever order they were given in", async (store) => {
    const event = sampleEvent({ uuid: uuidN(1) }, 4);
    event.Attribute!.reverse();
    await store.put(event);
    const uuids = (await store.get(uuidN(1)))!.Attribute!.map((a) => a.uuid!);
    deepEqual(uuids, [...uuids].sort());
  });

  test("the caller's object is not shared with the store", async (store) => {
    const event = sampleEvent({ uuid: uuidN(1), info: "original" });
    await store.put(event);
    event.info = "mutated after put";
    equal((await store.get(uuidN(1)))?.info, "original");
    ok(true);
  });
}

/** Registers the read-modify-write contract tests for one adapter. */
export function eventStoreUpdateContract(adapter: string, open: StoreFactory): void {
  const test = (name: string, fn: (store: EventStore) => Promise<void>) =>
    Deno.test(`${adapter}: ${name}`, async () => {
      await using opened = await open();
      await fn(opened.store);
    });

  test("update() hands the current events (undefined where none) and writes what it returns", async (store) => {
    await store.put(sampleEvent({ uuid: uuidN(1), info: "one" }));
    await store.update([uuidN(1), uuidN(2)], (current) => {
      equal(current.get(uuidN(1))?.info, "one");
      equal(current.get(uuidN(2)), undefined);
      return [
        { ...current.get(uuidN(1))!, info: "one, changed" },
        sampleEvent({ uuid: uuidN(2), info: "two" }),
      ];
    });
    equal((await store.get(uuidN(1)))?.info, "one, changed");
    equal((await store.get(uuidN(2)))?.info, "two");
  });

  test("concurrent update() calls on one event lose no change", async (store) => {
    await store.put(sampleEvent({ uuid: uuidN(1), Tag: [] }));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.update([uuidN(1)], async (current) => {
          const event = current.get(uuidN(1))!;
          await new Promise((resolve) => setTimeout(resolve, 1)); // a slow merge
          return [{ ...event, Tag: [...(event.Tag ?? []), { name: `t${i}` }] }];
        })),
    );
    equal((await store.get(uuidN(1)))?.Tag?.length, 10);
  });

  test("update() writes nothing when its change throws, and refuses bad uuids", async (store) => {
    await store.put(sampleEvent({ uuid: uuidN(1), info: "kept" }));
    await rejects(() =>
      store.update([uuidN(1)], () => {
        throw new Error("merge failed");
      })
    );
    equal((await store.get(uuidN(1)))?.info, "kept");
    await rejects(() => store.update(["../x"], () => []), /uuid/);
    await rejects(() => store.update([uuidN(1)], () => [sampleEvent({ uuid: "bad" })]), /uuid/);
    equal((await store.get(uuidN(1)))?.info, "kept");
  });
}
