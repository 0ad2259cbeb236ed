/**
 * @module
 * From the raw config file content and the command-line overrides to one resolved {@link Config}.
 * Pure: paths are joined, not touched.
 */
import * as v from "valibot";
import { ConfigError } from "../errors.ts";
import { type Config, DEFAULTS } from "./config.ts";
import { ConfigFileSchema } from "./schema.ts";
import { checkPeerTokenShape, resolvePeer } from "./peer_schema.ts";

/** Path overrides given on the command line (relative to the working folder). */
export interface ConfigOverrides {
  data?: string;
  feeds?: string;
  state?: string;
  host?: string;
  port?: number;
}

/** Where the config came from, for resolving relative paths. */
export interface ConfigSource {
  /** Working folder (absolute). */
  cwd: string;
  /** Absolute path of the config file, if one was read. */
  file?: string;
}

/**
 * Validates `raw` (the parsed config file, or undefined when there is none) and resolves it. Throws
 * ConfigError naming the field when it is invalid.
 */
export function resolveConfig(
  raw: unknown,
  source: ConfigSource,
  overrides: ConfigOverrides = {},
): Config {
  checkPeerTokenShape(raw, source.file ?? "config");
  const parsed = v.safeParse(ConfigFileSchema, raw ?? {});
  if (!parsed.success) {
    const problem = parsed.issues[0];
    const field = v.getDotPath(problem) ?? "(root)";
    const where = source.file ?? "config";
    throw new ConfigError(`Invalid ${where}: field "${field}": ${problem.message}`);
  }
  const file = parsed.output;
  const root = source.file ? dirname(source.file) : source.cwd;
  const fromFile = (path: string | undefined, fallback: string) => joinPath(root, path ?? fallback);
  const fromFlag = (path: string | undefined) =>
    path === undefined ? undefined : joinPath(source.cwd, path);
  const names = new Set<string>();
  for (const peer of file.peers ?? []) {
    if (names.has(peer.name)) {
      throw new ConfigError(
        `Invalid ${source.file ?? "config"}: peer "${peer.name}" is defined twice`,
      );
    }
    names.add(peer.name);
  }
  const maxEventBytes = file.limits?.maxEventBytes ?? DEFAULTS.limits.maxEventBytes;
  return {
    root,
    file: source.file,
    org: file.org,
    data: fromFlag(overrides.data) ?? fromFile(file.data, DEFAULTS.data),
    feeds: fromFlag(overrides.feeds) ?? fromFile(file.feeds, DEFAULTS.feeds),
    state: fromFlag(overrides.state) ?? fromFile(file.state, DEFAULTS.state),
    libraries: {
      taxonomies: file.libraries?.taxonomies && joinPath(root, file.libraries.taxonomies),
      galaxy: file.libraries?.galaxy && joinPath(root, file.libraries.galaxy),
      objects: file.libraries?.objects && joinPath(root, file.libraries.objects),
    },
    taxonomies: {
      enabled: file.taxonomies?.enabled ?? [...DEFAULTS.taxonomies.enabled],
      disabled: file.taxonomies?.disabled ?? [...DEFAULTS.taxonomies.disabled],
    },
    server: {
      host: overrides.host ?? file.server?.host ?? DEFAULTS.server.host,
      port: overrides.port ?? file.server?.port ?? DEFAULTS.server.port,
    },
    limits: { maxEventBytes },
    git: { commit: file.git?.commit ?? DEFAULTS.git.commit },
    peers: (file.peers ?? []).map((peer) =>
      resolvePeer(peer, { maxEventBytes, resolvePath: (path) => joinPath(root, path) })
    ),
  };
}

/** Joins `path` onto `base` unless it is absolute; collapses `.` and `..`. */
export function joinPath(base: string, path: string): string {
  const joined = path.startsWith("/") ? path : `${base.replace(/\/+$/, "")}/${path}`;
  const parts: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join("/")}`;
}

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}
