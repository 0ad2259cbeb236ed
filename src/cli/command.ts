/**
 * @module
 * What a CLI command is and what it receives. Commands write through the injected `stdout`/`stderr`
 * and return an exit code: 0 all good, 1 invalid input found, 2 usage or I/O error.
 */
import type { Config } from "../config/mod.ts";

/** Exit codes shared by every command. */
export const Exit = { Ok: 0, Invalid: 1, Error: 2 } as const;

/** Everything a command may use of the outside world; tests pass their own. */
export interface CliEnv {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working folder (absolute). */
  readonly cwd: string;
  /** Current time. */
  now(): Date;
  /** Reads an environment variable (only those the permissions allow). */
  getEnv(name: string): string | undefined;
  /** Whether stdout is an interactive terminal (for progress bars). */
  readonly isTerminal: boolean;
  /** Stops long-running commands (serve, watch) when aborted. */
  readonly signal?: AbortSignal;
}

/** One `kura <name>` command. */
export interface Command {
  readonly name: string;
  /** One line for `kura --help`. */
  readonly summary: string;
  /** Full `--help` text. */
  readonly help: string;
  /** Whether the command stops cleanly on `env.signal` (SIGINT/SIGTERM); others are just ended. */
  readonly stopsOnSignal?: boolean;
  run(args: string[], env: CliEnv): Promise<number>;
}

/** Options every command accepts, for {@link Config} resolution. */
export interface CommonFlags {
  config?: string;
  data?: string;
  feeds?: string;
  state?: string;
}

/** Help text of the common options, appended to each command's help. */
export const COMMON_HELP = `Common options:
  --config <file>   config file (default: kura.json in the working folder, if present)
  --data <dir>      data folder (default: data/)
  --feeds <dir>     feed definitions folder (default: feeds/)
  --state <dir>     state folder for runtime state (default: .kura/)
  -h, --help        show this help`;

/** Re-exported so commands need one import for config types. */
export type { Config };
