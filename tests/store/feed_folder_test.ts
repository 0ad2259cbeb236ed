import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { ConflictError, InvalidDataError } from "../../src/errors.ts";
import { writeFeedFolder } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

async function names(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) found.push(entry.name);
  return found.sort();
}

Deno.test("writeFeedFolder() writes every file with a .gz sibling behind a link to the build", async () => {
  await using dir = await tempDir();
  const target = `${dir.path}/out/public`;
  const result = await writeFeedFolder(target, [["manifest.json", "{}\n"], [
    "hashes.csv",
    "a,b\n",
  ]]);
  equal(result.files, 2);
  equal(result.unchanged, 0);
  deepEqual(await names(target), [
    "hashes.csv",
    "hashes.csv.gz",
    "manifest.json",
    "manifest.json.gz",
  ]);
  equal(await Deno.readTextFile(`${target}/hashes.csv`), "a,b\n");
  equal(
    new TextDecoder().decode(gunzipSync(await Deno.readFile(`${target}/hashes.csv.gz`))),
    "a,b\n",
  );
  ok((await Deno.lstat(target)).isSymlink);
  equal(await Deno.readLink(target), `.public.builds/${result.build.split("/").at(-1)}`);
});

Deno.test("writeFeedFolder() swaps the whole feed, links unchanged files and keeps one previous build", async () => {
  await using dir = await tempDir();
  const target = `${dir.path}/public`;
  await writeFeedFolder(target, [["a.json", "1"], ["b.json", "2"]], { buildId: "b1" });
  const before = (await Deno.stat(`${target}/a.json`)).mtime;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = await writeFeedFolder(target, [["a.json", "1"], ["c.json", "3"]], {
    buildId: "b2",
  });
  equal(second.unchanged, 1);
  deepEqual(await names(target), ["a.json", "a.json.gz", "c.json", "c.json.gz"]);
  deepEqual(
    (await Deno.stat(`${target}/a.json`)).mtime,
    before,
    "an unchanged file keeps its time",
  );
  await writeFeedFolder(target, [["a.json", "changed"]], { buildId: "b3" });
  equal(await Deno.readTextFile(`${target}/a.json`), "changed");
  deepEqual(await names(`${dir.path}/.public.builds`), ["b2", "b3"]);
});

Deno.test("writeFeedFolder() leaves the previous feed in place when writing fails", async () => {
  await using dir = await tempDir();
  const target = `${dir.path}/public`;
  await writeFeedFolder(target, [["a.json", "1"]], { buildId: "good" });
  async function* failing(): AsyncGenerator<[string, string]> {
    yield ["a.json", "2"];
    throw new Error("renderer failed");
  }
  await rejects(writeFeedFolder(target, failing(), { buildId: "bad" }), /renderer failed/);
  equal(await Deno.readTextFile(`${target}/a.json`), "1");
  deepEqual(await names(`${dir.path}/.public.builds`), ["good"]);
});

Deno.test("writeFeedFolder() refuses unsafe names and folders it did not create", async () => {
  await using dir = await tempDir();
  for (const name of ["../x", ".hidden", "a/b", "x.gz", ""]) {
    await rejects(writeFeedFolder(`${dir.path}/f`, [[name, "x"]]), InvalidDataError, name);
  }
  await Deno.mkdir(`${dir.path}/mine`);
  await Deno.writeTextFile(`${dir.path}/mine/keep.txt`, "precious");
  await rejects(writeFeedFolder(`${dir.path}/mine`, [["a.json", "1"]]), ConflictError);
  equal(await Deno.readTextFile(`${dir.path}/mine/keep.txt`), "precious");
  await Deno.writeTextFile(`${dir.path}/file`, "x");
  await rejects(writeFeedFolder(`${dir.path}/file`, [["a.json", "1"]]), ConflictError);
  await Deno.mkdir(`${dir.path}/empty`);
  await writeFeedFolder(`${dir.path}/empty`, [["a.json", "1"]]);
  ok((await Deno.lstat(`${dir.path}/empty`)).isSymlink);
});

Deno.test("writeFeedFolder() can skip the .gz siblings", async () => {
  await using dir = await tempDir();
  await writeFeedFolder(`${dir.path}/f`, [["a.json", "1"]], { gzip: false });
  deepEqual(await names(`${dir.path}/f`), ["a.json"]);
});
