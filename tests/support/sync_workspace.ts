/**
 * @module
 * A kura working folder for sync CLI tests: `kura.json` with one peer on 127.0.0.1 (token in a state
 * file), a data folder that is a git repository, and this instance's org.
 */
import { HOST_ORG } from "./pull_fixture.ts";
import { TEST_ORG } from "./sample_events.ts";

/** Runs git in `dir`, throwing when it fails. */
export async function git(dir: string, ...args: string[]): Promise<string> {
  const output = await new Deno.Command("git", {
    args: ["-C", dir, ...args],
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const text = new TextDecoder().decode(output.stdout);
  if (output.code !== 0) {
    throw new Error(`git ${args.join(" ")}: ${new TextDecoder().decode(output.stderr)}`);
  }
  return text;
}

/** Writes `kura.json` in `root` for a peer at `url`; initialises `data/` as a git repository. */
export async function syncWorkspace(
  root: string,
  url: string,
  options: { peer?: Record<string, unknown>; commit?: boolean } = {},
): Promise<void> {
  await Deno.mkdir(`${root}/data/events`, { recursive: true });
  await Deno.mkdir(`${root}/.kura`, { recursive: true });
  await Deno.writeTextFile(`${root}/.kura/peer-a.token`, "s3cret\n");
  await git(`${root}/data`, "init", "--quiet", "--initial-branch=main");
  await git(`${root}/data`, "config", "user.email", "test@example.org");
  await git(`${root}/data`, "config", "user.name", "Test");
  await git(`${root}/data`, "commit", "--quiet", "--allow-empty", "-m", "empty");
  await Deno.writeTextFile(
    `${root}/kura.json`,
    JSON.stringify({
      org: HOST_ORG,
      git: { commit: options.commit ?? true },
      peers: [{
        name: "peer-a",
        url,
        orgs: [TEST_ORG.uuid],
        allowPrivateNetwork: true,
        token: { file: "peer-a.token" },
        limits: { timeout: 5, connectTimeout: 2 },
        ...options.peer,
      }],
    }),
  );
}
