/**
 * @module
 * The instance's feed signing key (feed/manifest_signature.ts), kept in the state folder as
 * `signing-key.json`, readable by its owner only: `{"publicKey": "ed25519:…", "privateKey": JWK,
 * "created": "…"}`. Created once by `kura feed key init`; the daemon and `kura export` sign every
 * feed's manifest with it when it exists.
 */
import { ConfigError } from "../errors.ts";
import { type ManifestSigner, signerOf, toBase64 } from "../feed/mod.ts";
import { writeFileAtomic } from "./atomic_write.ts";

/** The path of the signing key in state folder `stateDir`. */
export function signingKeyPath(stateDir: string): string {
  return `${stateDir.replace(/\/+$/, "")}/signing-key.json`;
}

/** Creates the signing key; refuses to replace one (peers pin its public half). */
export async function createSigningKey(stateDir: string, now: Date): Promise<string> {
  const path = signingKeyPath(stateDir);
  if (await Deno.lstat(path).then(() => true, () => false)) {
    throw new ConfigError(
      `${path} already exists; peers pin its public key, so it is not replaced (move it away first to make a new one)`,
    );
  }
  await Deno.mkdir(stateDir, { recursive: true });
  const { publicKey, privateJwk } = await generateSigningKey();
  const text = `${
    JSON.stringify({ publicKey, privateKey: privateJwk, created: now.toISOString() }, null, 2)
  }\n`;
  await writeFileAtomic(path, text);
  await Deno.chmod(path, 0o600).catch(() => {});
  return publicKey;
}

/** The signer of `stateDir`, or undefined when there is no key. Throws ConfigError for a bad file. */
export async function loadSigner(stateDir: string): Promise<ManifestSigner | undefined> {
  const path = signingKeyPath(stateDir);
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return undefined;
    throw new ConfigError(`cannot read ${path}: ${(cause as Error).message}`);
  }
  try {
    const stored = JSON.parse(text) as { privateKey?: JsonWebKey };
    return await signerOf(stored.privateKey ?? {});
  } catch (cause) {
    throw new ConfigError(`${path} holds no usable Ed25519 key: ${(cause as Error).message}`);
  }
}

/** Makes a new signing key pair; `privateJwk` is what to keep secret. */
export async function generateSigningKey(): Promise<{ publicKey: string; privateJwk: JsonWebKey }> {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ]) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return {
    publicKey: `ed25519:${toBase64(raw)}`,
    privateJwk: await crypto.subtle.exportKey("jwk", pair.privateKey),
  };
}
