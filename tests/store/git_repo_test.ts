import { equal, match } from "node:assert/strict";
import { commitFiles, isGitWorkTree } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";
import { git } from "../support/sync_workspace.ts";

Deno.test("commitFiles() commits exactly the given files and leaves other changes alone", async () => {
  await using dir = await tempDir();
  equal(await isGitWorkTree(dir.path), false);
  await git(dir.path, "init", "--quiet");
  equal(await isGitWorkTree(dir.path), true);
  await Deno.writeTextFile(`${dir.path}/a.json`, "a");
  await Deno.writeTextFile(`${dir.path}/other.json`, "o");
  const id = await commitFiles(dir.path, [`${dir.path}/a.json`], "Pull from peer x\n\nnew a");
  match(id ?? "", /^[0-9a-f]{40}$/);
  equal(
    (await git(dir.path, "show", "--name-only", "--format=%s", "HEAD")).trim(),
    "Pull from peer x\n\na.json",
  );
  equal((await git(dir.path, "status", "--porcelain")).trim(), "?? other.json");
  equal(await commitFiles(dir.path, [`${dir.path}/a.json`], "again"), undefined, "nothing changed");
});
