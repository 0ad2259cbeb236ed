/**
 * @module
 * Running the CLI in-process with captured output.
 */
import { runCli } from "../../src/cli/mod.ts";

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `kura <args>` in `cwd` and captures its output. */
export async function runKura(
  args: string[],
  cwd: string,
  now = new Date("2026-01-01T00:00:00Z"),
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    now: () => now,
    getEnv: () => undefined,
    isTerminal: false,
  });
  return { code, stdout, stderr };
}
