import { equal, ok } from "node:assert/strict";
import { loadRecordRegistry } from "../../src/store/mod.ts";
import { tempDir, uuidN } from "../support/sample_events.ts";

async function write(dir: string, path: string, value: unknown): Promise<void> {
  const full = `${dir}/${path}`;
  await Deno.mkdir(full.slice(0, full.lastIndexOf("/")), { recursive: true });
  await Deno.writeTextFile(full, typeof value === "string" ? value : JSON.stringify(value));
}

Deno.test("loadRecordRegistry() loads orgs and sharing groups by uuid and finds the local org", async () => {
  await using dir = await tempDir();
  await write(dir.path, `orgs/${uuidN(1)}.json`, {
    Organisation: { uuid: uuidN(1), name: "Us", local: true },
  });
  await write(dir.path, `orgs/${uuidN(2)}.json`, {
    Organisation: { uuid: uuidN(2), name: "Them", local: false },
  });
  await write(dir.path, `sharing-groups/${uuidN(3)}.json`, {
    SharingGroup: { uuid: uuidN(3), name: "SG" },
  });
  const registry = await loadRecordRegistry(dir.path);
  equal(registry.orgs.size, 2);
  equal(registry.sharingGroups.get(uuidN(3))?.name, "SG");
  equal(registry.hostOrg, uuidN(1));
  equal(registry.rejected.length, 0);
});

Deno.test("loadRecordRegistry() rejects invalid files and a file named after another uuid", async () => {
  await using dir = await tempDir();
  await write(dir.path, `orgs/${uuidN(1)}.json`, "{");
  await write(dir.path, `orgs/${uuidN(2)}.json`, { Organisation: { uuid: uuidN(9), name: "X" } });
  await write(dir.path, `sharing-groups/${uuidN(3)}.json`, { SharingGroup: { name: "no uuid" } });
  const registry = await loadRecordRegistry(dir.path);
  equal(registry.orgs.size, 0);
  equal(registry.sharingGroups.size, 0);
  equal(registry.rejected.length, 3);
  ok(registry.rejected[0]!.issues[0]!.message.includes("JSON"));
});

Deno.test("loadRecordRegistry() prefers the configured host org and has none when ambiguous", async () => {
  await using dir = await tempDir();
  await write(dir.path, `orgs/${uuidN(1)}.json`, {
    Organisation: { uuid: uuidN(1), name: "A", local: true },
  });
  await write(dir.path, `orgs/${uuidN(2)}.json`, {
    Organisation: { uuid: uuidN(2), name: "B", local: true },
  });
  equal((await loadRecordRegistry(dir.path)).hostOrg, undefined);
  equal((await loadRecordRegistry(dir.path, { hostOrg: uuidN(2) })).hostOrg, uuidN(2));
});
