/**
 * @module
 * A copy of the repository's sample data (`data/`) and feed definitions (`feeds/`) in a temp
 * folder, for end-to-end CLI tests that must not touch the working tree.
 */
import { tempDir } from "./sample_events.ts";

/** The repository root. */
export const REPO_ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

/** A temp folder holding copies of `data/` and `feeds/`; removed when disposed. */
export async function sampleRepo(): Promise<{ path: string } & AsyncDisposable> {
  const dir = await tempDir("kura-repo-");
  for (const folder of ["data", "feeds"]) {
    await copyTree(`${REPO_ROOT}/${folder}`, `${dir.path}/${folder}`);
  }
  return dir;
}

async function copyTree(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory) await copyTree(`${from}/${entry.name}`, `${to}/${entry.name}`);
    else if (entry.isFile) await Deno.copyFile(`${from}/${entry.name}`, `${to}/${entry.name}`);
  }
}
