import { deepEqual, equal, match, ok, rejects } from "node:assert/strict";
import { InvalidDataError } from "../../src/errors.ts";
import { formatEventDocument } from "../../src/model/mod.ts";
import { FsEventStore } from "../../src/store/mod.ts";
import { eventStoreContract, eventStoreUpdateContract } from "../contract/event_store_contract.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

const CONFIG = new URL("../../deno.json", import.meta.url).pathname;

eventStoreContract("FsEventStore", async () => {
  const dir = await tempDir();
  return {
    store: new FsEventStore(dir.path),
    [Symbol.asyncDispose]: () => dir[Symbol.asyncDispose](),
  };
});

eventStoreUpdateContract("FsEventStore", async () => {
  const dir = await tempDir();
  return {
    store: new FsEventStore(dir.path),
    [Symbol.asyncDispose]: () => dir[Symbol.asyncDispose](),
  };
});

Deno.test("FsEventStore.put() writes canonical text to events/<uuid>.json and leaves no temp files", async () => {
  await using dir = await tempDir();
  const store = new FsEventStore(dir.path);
  const event = sampleEvent({ uuid: uuidN(7) });
  await store.put(event);
  const text = await Deno.readTextFile(`${dir.path}/events/${uuidN(7)}.json`);
  equal(text, formatEventDocument(event));
  const names = [];
  for await (const entry of Deno.readDir(`${dir.path}/events`)) names.push(entry.name);
  deepEqual(names, [`${uuidN(7)}.json`]);
});

Deno.test("FsEventStore.put() does not rewrite a file whose content is unchanged", async () => {
  await using dir = await tempDir();
  const store = new FsEventStore(dir.path);
  await store.put(sampleEvent({ uuid: uuidN(1) }));
  const path = `${dir.path}/events/${uuidN(1)}.json`;
  const before = (await Deno.stat(path)).mtime;
  await new Promise((resolve) => setTimeout(resolve, 20));
  await store.put(sampleEvent({ uuid: uuidN(1) }));
  deepEqual((await Deno.stat(path)).mtime, before);
});

Deno.test("FsEventStore.get() throws InvalidDataError naming the event when its file is not JSON", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/events`);
  await Deno.writeTextFile(`${dir.path}/events/${uuidN(1)}.json`, "{not json");
  const store = new FsEventStore(dir.path);
  await rejects(
    () => store.get(uuidN(1)),
    (e: Error) =>
      e instanceof InvalidDataError && /not valid JSON/i.test(e.message) &&
      e.message.includes(uuidN(1)),
  );
});

Deno.test("FsEventStore.scan() reports a broken file with its issue and goes on", async () => {
  await using dir = await tempDir();
  const store = new FsEventStore(dir.path);
  await store.put(sampleEvent({ uuid: uuidN(2) }));
  await Deno.writeTextFile(`${dir.path}/events/${uuidN(1)}.json`, "\uFEFF{}");
  const results = [];
  for await (const result of store.scan()) results.push(result);
  equal(results.length, 2);
  equal(results[0]!.issues[0]!.code, "file.bom");
  equal(results[1]!.event?.uuid, uuidN(2));
});

Deno.test("FsEventStore refuses a symlink that leads out of the data folder", async () => {
  await using dir = await tempDir();
  await using outside = await tempDir();
  const secret = `${outside.path}/secret.json`;
  await Deno.writeTextFile(secret, formatEventDocument(sampleEvent({ uuid: uuidN(1) })));
  await Deno.mkdir(`${dir.path}/events`);
  await Deno.symlink(secret, `${dir.path}/events/${uuidN(1)}.json`);
  const store = new FsEventStore(dir.path);
  await rejects(() => store.get(uuidN(1)), /Symlink leads out of the data folder/);
});

Deno.test("FsEventStore refuses a file over the size limit without reading it", async () => {
  await using dir = await tempDir();
  const store = new FsEventStore(dir.path, { maxEventBytes: 2048 });
  await store.put(sampleEvent({ uuid: uuidN(1) }, 40));
  await rejects(() => store.get(uuidN(1)), /over the 2048-byte limit/);
});

Deno.test("FsEventStore takes its write lock inside .git when the data folder is a repository", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/.git`);
  await new FsEventStore(dir.path).put(sampleEvent({ uuid: uuidN(1) }));
  ok((await Deno.stat(`${dir.path}/.git/kura.lock`)).isFile);
  await rejects(() => Deno.stat(`${dir.path}/.kura.lock`));
});

Deno.test("FsEventStore writers in two processes never interleave (flock)", async () => {
  await using dir = await tempDir();
  const script = `${dir.path}/writer.ts`;
  const storeUrl = new URL("../../src/store/mod.ts", import.meta.url).href;
  const sampleUrl = new URL("../support/sample_events.ts", import.meta.url).href;
  await Deno.writeTextFile(
    script,
    `import { FsEventStore } from "${storeUrl}";
import { sampleEvent, uuidN } from "${sampleUrl}";
const [data, start] = Deno.args;
const store = new FsEventStore(data);
for (let i = 0; i < 25; i++) await store.put(sampleEvent({ uuid: uuidN(Number(start) + i) }, 50));
`,
  );
  const run = (start: number) =>
    new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--config",
        CONFIG,
        "--allow-read",
        "--allow-write",
        script,
        `${dir.path}/data`,
        String(start),
      ],
      stdout: "null",
      stderr: "piped",
    }).output();
  const [a, b] = await Promise.all([run(1), run(100)]);
  equal(a.code, 0, new TextDecoder().decode(a.stderr));
  equal(b.code, 0, new TextDecoder().decode(b.stderr));
  const store = new FsEventStore(`${dir.path}/data`);
  const uuids = await store.list();
  equal(uuids.length, 50);
  for await (const result of store.scan()) {
    deepEqual(result.issues, []);
    match(result.event!.info!, /Phishing/);
  }
});
