/**
 * @module
 * The extra CA certificates a peer is trusted with (`tls.ca` in its config): a PEM file, read when a
 * client of the peer first connects, so a replaced file counts from the next pass on.
 */
import type { PeerConfig } from "../config/mod.ts";
import { ConfigError } from "../errors.ts";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The PEM certificates of `peer`'s CA file, or undefined when it names none. Throws ConfigError when
 * the file cannot be read or holds no certificate (a key or a DER file by mistake).
 */
export async function peerCaCerts(peer: PeerConfig): Promise<string[] | undefined> {
  if (peer.caFile === undefined) return undefined;
  let text: string;
  try {
    text = await Deno.readTextFile(peer.caFile);
  } catch (cause) {
    throw new ConfigError(
      `peer "${peer.name}": cannot read the CA file ${peer.caFile}: ${(cause as Error).message}`,
    );
  }
  const certificates = text.match(PEM_CERTIFICATE);
  if (certificates === null) {
    throw new ConfigError(
      `peer "${peer.name}": the CA file ${peer.caFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
  }
  return certificates;
}
