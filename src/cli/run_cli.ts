/**
 * @module
 * `kura <command> [options]`: dispatch, top-level help and the mapping of failures to exit codes.
 */
import { ConfigError, InvalidDataError, UsageError } from "../errors.ts";
import { type CliEnv, Exit } from "./command.ts";
import { COMMANDS } from "./commands.ts";
import { VERSION } from "./version.ts";

/** Runs the CLI with `args` (without the program name) and returns the exit code. */
export async function runCli(args: string[], env: CliEnv): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help"
      ? COMMANDS.find((command) => command.name === rest[0])
      : undefined;
    env.stdout(topic ? `${topic.help}\n` : overview());
    return name === undefined ? Exit.Error : Exit.Ok;
  }
  if (name === "--version") {
    env.stdout(`kura ${VERSION}\n`);
    return Exit.Ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    env.stderr(`kura: unknown command "${name}"; run "kura --help" for the list\n`);
    return Exit.Error;
  }
  try {
    return await command.run(rest, env);
  } catch (cause) {
    env.stderr(`kura ${command.name}: ${describe(cause)}\n`);
    if (cause instanceof UsageError) env.stderr(`Run "kura ${command.name} --help" for usage.\n`);
    return Exit.Error;
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `kura ${VERSION}: MISP events in git — validate, publish feeds, sync with peers

Usage: kura <command> [options]     (deno task kura <command> …)

Commands:
${lines.join("\n")}

Run "kura <command> --help" for a command's options.
Exit status: 0 all good, 1 invalid input found, 2 usage or I/O error.
`;
}

function describe(cause: unknown): string {
  if (
    cause instanceof UsageError || cause instanceof ConfigError || cause instanceof InvalidDataError
  ) {
    return cause.message;
  }
  if (cause instanceof Deno.errors.NotFound) return `not found: ${cause.message}`;
  if (cause instanceof Deno.errors.PermissionDenied) return `permission denied: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}
