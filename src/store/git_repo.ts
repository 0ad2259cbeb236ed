/**
 * @module
 * The little git a sync pass needs, through the `git` program: is the data folder in a work tree, and
 * commit exactly the files a pass wrote (paths passed on stdin, so ten thousand files fit).
 */

/** Result of running git. */
interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function git(dir: string, args: string[], stdin?: string): Promise<GitRun> {
  const command = new Deno.Command("git", {
    args: ["-C", dir, ...args],
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
    env: { GIT_TERMINAL_PROMPT: "0" },
  });
  const child = command.spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const output = await child.output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

/** True when `dir` is inside a git work tree (and git is available). */
export async function isGitWorkTree(dir: string): Promise<boolean> {
  try {
    const run = await git(dir, ["rev-parse", "--is-inside-work-tree"]);
    return run.code === 0 && run.stdout.trim() === "true";
  } catch {
    return false;
  }
}

/**
 * Stages and commits `files` (absolute paths inside `dir`) with `message`; other staged changes are
 * left out. Returns the new commit id, or undefined when nothing changed. Throws when git fails.
 */
export async function commitFiles(
  dir: string,
  files: readonly string[],
  message: string,
): Promise<string | undefined> {
  if (files.length === 0) return undefined;
  const list = `${files.join("\n")}\n`;
  const add = await git(dir, ["add", "--pathspec-from-file=-", "--"], list);
  if (add.code !== 0) throw new Error(`git add failed: ${add.stderr.trim()}`);
  const identity = await git(dir, ["config", "user.email"]);
  const author = identity.stdout.trim() === ""
    ? ["-c", "user.name=kura", "-c", "user.email=kura@localhost"]
    : [];
  const commit = await git(
    dir,
    [...author, "commit", "--quiet", "--no-verify", "-m", message, "--pathspec-from-file=-"],
    list,
  );
  if (commit.code !== 0 && /nothing (added )?to commit|no changes added/.test(commit.stdout)) {
    return undefined;
  }
  if (commit.code !== 0) {
    throw new Error(`git commit failed: ${commit.stderr.trim() || commit.stdout.trim()}`);
  }
  const head = await git(dir, ["rev-parse", "HEAD"]);
  return head.stdout.trim();
}
