/**
 * @module
 * Signed feeds (field-survey.md §5 item 1): `manifest.json.sig` beside `manifest.json` holds an
 * Ed25519 signature of the manifest's exact bytes. The manifest carries `integrity:sha256` for every
 * event file, so one signature vouches for the whole feed: a peer that pins the publisher's public
 * key detects any change made by a mirror, a CDN or the network. Stock MISP ignores the extra file.
 *
 * ```json
 * {"alg": "ed25519", "key": "ed25519:<base64 public key>", "signature": "<base64 signature>"}
 * ```
 *
 * Pure: WebCrypto computes (Ed25519 signatures are deterministic), nothing is read or written;
 * making a key, which needs randomness, is the store's (store/signing_key.ts).
 */

/** The file name of a feed's manifest signature. */
export const SIGNATURE_FILE = "manifest.json.sig";

/** A public key as kura writes it: `ed25519:` and the 32 raw bytes in base64. */
export const PUBLIC_KEY_PATTERN = /^ed25519:[A-Za-z0-9+/]{43}=$/;

/** What signs manifests: the private key and its public half. */
export interface ManifestSigner {
  /** `ed25519:<base64>`. */
  readonly publicKey: string;
  /** The Ed25519 private key, usable for signing only. */
  readonly privateKey: CryptoKey;
}

/** The content of `manifest.json.sig` for `manifest` (its exact bytes). */
export async function signManifest(signer: ManifestSigner, manifest: Uint8Array): Promise<string> {
  const signature = new Uint8Array(
    await crypto.subtle.sign("Ed25519", signer.privateKey, manifest as Uint8Array<ArrayBuffer>),
  );
  return `${
    JSON.stringify({ alg: "ed25519", key: signer.publicKey, signature: toBase64(signature) })
  }\n`;
}

/**
 * Why `signatureFile` does not vouch for `manifest` under `publicKey`, or undefined when it does:
 * unreadable, another algorithm, signed by another key, or a signature that does not verify.
 */
export async function signatureProblem(
  manifest: Uint8Array,
  signatureFile: Uint8Array,
  publicKey: string,
): Promise<string | undefined> {
  let document: { alg?: unknown; key?: unknown; signature?: unknown };
  try {
    document = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(signatureFile));
  } catch {
    return `${SIGNATURE_FILE} is not JSON`;
  }
  if (document === null || typeof document !== "object") {
    return `${SIGNATURE_FILE} is not an object`;
  }
  if (document.alg !== "ed25519") return `${SIGNATURE_FILE} uses "${document.alg}", not ed25519`;
  if (document.key !== publicKey) {
    return `${SIGNATURE_FILE} is signed by ${
      String(document.key)
    }, not the pinned key ${publicKey}`;
  }
  const signature = typeof document.signature === "string"
    ? fromBase64(document.signature)
    : undefined;
  if (signature === undefined || signature.length !== 64) {
    return `${SIGNATURE_FILE} holds no 64-byte signature`;
  }
  const key = await importPublicKey(publicKey);
  if (key === undefined) return `the pinned key ${publicKey} is not an Ed25519 public key`;
  const valid = await crypto.subtle.verify(
    "Ed25519",
    key,
    signature as Uint8Array<ArrayBuffer>,
    manifest as Uint8Array<ArrayBuffer>,
  );
  return valid ? undefined : "the manifest does not match its signature (changed after signing)";
}

/** The signer of a private key kept as a JWK. */
export async function signerOf(privateJwk: JsonWebKey): Promise<ManifestSigner> {
  const privateKey = await crypto.subtle.importKey("jwk", privateJwk, { name: "Ed25519" }, false, [
    "sign",
  ]);
  // The public half is in the JWK (`x`, base64url).
  const raw = fromBase64(String(privateJwk.x ?? "").replaceAll("-", "+").replaceAll("_", "/"));
  if (raw === undefined || raw.length !== 32) throw new TypeError("the key has no public half");
  return { publicKey: `ed25519:${toBase64(raw)}`, privateKey };
}

async function importPublicKey(publicKey: string): Promise<CryptoKey | undefined> {
  if (!PUBLIC_KEY_PATTERN.test(publicKey)) return undefined;
  const raw = fromBase64(publicKey.slice("ed25519:".length));
  if (raw === undefined) return undefined;
  try {
    return await crypto.subtle.importKey(
      "raw",
      raw as Uint8Array<ArrayBuffer>,
      { name: "Ed25519" },
      false,
      ["verify"],
    );
  } catch {
    return undefined;
  }
}

/** Standard base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    const padded = text.padEnd(Math.ceil(text.length / 4) * 4, "=");
    return Uint8Array.from(atob(padded), (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}
