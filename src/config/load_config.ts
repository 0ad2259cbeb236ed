/**
 * @module
 * Reads `kura.json` (or the file named by `--config` / `KURA_CONFIG`) and resolves it. The I/O half of
 * config.
 */
import { ConfigError } from "../errors.ts";
import { type Config, CONFIG_FILE_NAME } from "./config.ts";
import { type ConfigOverrides, joinPath, resolveConfig } from "./resolve_config.ts";

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions extends ConfigOverrides {
  /** Explicit config file; it must exist. Default: `kura.json` in `cwd` if present. */
  config?: string;
  /** Working folder; default `Deno.cwd()`. */
  cwd?: string;
}

/** Loads and resolves the configuration; throws ConfigError with the file and field when invalid. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const cwd = options.cwd ?? Deno.cwd();
  const explicit = options.config !== undefined;
  const file = joinPath(cwd, options.config ?? CONFIG_FILE_NAME);
  let text: string | undefined;
  try {
    text = await Deno.readTextFile(file);
  } catch (cause) {
    if (!(cause instanceof Deno.errors.NotFound) || explicit) {
      throw new ConfigError(`Cannot read config file ${file}: ${(cause as Error).message}`);
    }
  }
  if (text === undefined) return resolveConfig(undefined, { cwd }, options);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`Config file ${file} is not valid JSON: ${(cause as Error).message}`);
  }
  return resolveConfig(raw, { cwd, file }, options);
}
