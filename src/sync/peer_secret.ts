/**
 * @module
 * Reading a peer's secret from where the config points: an environment variable (`KURA_…`) or a file
 * in the state folder. Never from the config itself.
 */
import type { PeerConfig } from "../config/mod.ts";
import { ConfigError } from "../errors.ts";

/** Options of {@link readPeerSecret}. */
export interface SecretOptions {
  /** The state folder (absolute). */
  stateDir: string;
  /** Reads an environment variable; undefined when unset or not permitted. */
  getEnv(name: string): string | undefined;
}

/** The header to send to `peer`, or undefined when it has no token. Throws ConfigError when missing. */
export async function peerCredential(
  peer: PeerConfig,
  options: SecretOptions,
): Promise<{ name: string; value: string } | undefined> {
  const token = peer.token;
  if (!token) return undefined;
  let secret: string | undefined;
  if ("env" in token.source) {
    secret = options.getEnv(token.source.env);
    if (!secret) {
      throw new ConfigError(
        `peer "${peer.name}": environment variable ${token.source.env} is not set (or not allowed: run with --allow-env=KURA_*)`,
      );
    }
  } else {
    const path = `${options.stateDir.replace(/\/+$/, "")}/${token.source.file}`;
    try {
      secret = (await Deno.readTextFile(path)).trim();
    } catch (cause) {
      throw new ConfigError(
        `peer "${peer.name}": cannot read token file ${path}: ${(cause as Error).message}`,
      );
    }
    if (!secret) throw new ConfigError(`peer "${peer.name}": token file ${path} is empty`);
  }
  if (/[\r\n]/.test(secret)) {
    throw new ConfigError(`peer "${peer.name}": the token contains a line break`);
  }
  return { name: token.header, value: token.scheme === "bearer" ? `Bearer ${secret}` : secret };
}
