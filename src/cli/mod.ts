/**
 * @module
 * The command-line interface: one file per command, dispatched by `runCli`.
 */
export { runCli } from "./run_cli.ts";
export { type CliEnv, type Command, Exit } from "./command.ts";
export { COMMANDS } from "./commands.ts";
