/**
 * @module
 * Flag parsing for commands on top of `node:util` parseArgs: the common options are always known, and
 * unknown options become a UsageError naming them.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { type Config, loadConfig } from "../config/mod.ts";
import { UsageError } from "../errors.ts";
import type { CliEnv, CommonFlags } from "./command.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

const COMMON_OPTIONS = {
  config: { type: "string" },
  data: { type: "string" },
  feeds: { type: "string" },
  state: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** Parsed flags: the command's own values plus positionals. */
export interface ParsedFlags<V> {
  values: V & CommonFlags & { help?: boolean };
  positionals: string[];
}

/** Parses `args` with the command's `options` plus the common ones. */
export function parseFlags<O extends Options>(
  args: string[],
  options: O,
): ParsedFlags<ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>["values"]> {
  try {
    const parsed = parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return parsed as never;
  } catch (cause) {
    throw new UsageError((cause as Error).message.replace(/\. To specify.*$/s, ""));
  }
}

/** Loads the configuration honouring the common flags and `KURA_CONFIG`. */
export function configFromFlags(flags: CommonFlags, env: CliEnv): Promise<Config> {
  return loadConfig({
    cwd: env.cwd,
    config: flags.config ?? env.getEnv("KURA_CONFIG"),
    data: flags.data,
    feeds: flags.feeds,
    state: flags.state,
  });
}

/** Parses a `--format` value against the accepted ones. */
export function parseFormat<F extends string>(
  value: string | undefined,
  accepted: readonly F[],
  fallback: F,
): F {
  if (value === undefined) return fallback;
  if ((accepted as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`--format must be one of ${accepted.join(", ")}; got "${value}"`);
}

/** Parses a positive whole-number option; undefined when absent. */
export function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,6}$/.test(value)) {
    throw new UsageError(`--${name} must be a positive whole number; got "${value}"`);
  }
  return Number(value);
}
