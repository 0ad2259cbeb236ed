// Signed feeds (field-survey.md §5 item 1): one Ed25519 signature over the manifest's bytes, which
// carry every event file's integrity:sha256.
import { generateSigningKey } from "../../src/store/mod.ts";
import { equal, match } from "node:assert/strict";
import {
  PUBLIC_KEY_PATTERN,
  signatureProblem,
  signerOf,
  signManifest,
} from "../../src/feed/mod.ts";

const encoder = new TextEncoder();
const MANIFEST = encoder.encode('{"eeeeeeee-0000-4000-8000-000000000001":{"info":"x"}}');

Deno.test("signManifest() output verifies with the signer's public key, and only for the same bytes", async () => {
  const { publicKey, privateJwk } = await generateSigningKey();
  match(publicKey, PUBLIC_KEY_PATTERN);
  const signer = await signerOf(privateJwk);
  equal(signer.publicKey, publicKey);
  const file = encoder.encode(await signManifest(signer, MANIFEST));
  equal(await signatureProblem(MANIFEST, file, publicKey), undefined);
  const changed = encoder.encode('{"eeeeeeee-0000-4000-8000-000000000001":{"info":"y"}}');
  equal(
    await signatureProblem(changed, file, publicKey),
    "the manifest does not match its signature (changed after signing)",
  );
  const other = await generateSigningKey();
  match(
    (await signatureProblem(MANIFEST, file, other.publicKey))!,
    /is signed by ed25519:.*, not the pinned key/,
  );
});

Deno.test("signatureProblem() explains unreadable, foreign and forged signature files", async () => {
  const { publicKey, privateJwk } = await generateSigningKey();
  const signer = await signerOf(privateJwk);
  const good = JSON.parse(await signManifest(signer, MANIFEST));
  const cases: [unknown, RegExp][] = [
    ["not json", /is not JSON/],
    [{ ...good, alg: "rsa" }, /uses "rsa", not ed25519/],
    [{ ...good, signature: "AAAA" }, /holds no 64-byte signature/],
    [{ ...good, signature: btoa("x".repeat(64)) }, /does not match its signature/],
  ];
  for (const [document, problem] of cases) {
    const text = typeof document === "string" ? document : JSON.stringify(document);
    match((await signatureProblem(MANIFEST, encoder.encode(text), publicKey))!, problem);
  }
  const forgedKey = `ed25519:${btoa("k".repeat(32))}`;
  const forged = encoder.encode(JSON.stringify({ ...good, key: forgedKey }));
  match((await signatureProblem(MANIFEST, forged, forgedKey))!, /does not match|not an Ed25519/);
});
