/**
 * @module
 * The contract every PeerClient adapter passes: a manifest with an ETag, 304 when it is unchanged,
 * event files by uuid, the manifest's signature file, TransferError for a missing file, and no
 * request for a key that is not a uuid.
 */
import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import { TransferError } from "../../src/errors.ts";
import type { PeerClient } from "../../src/sync/mod.ts";

/** Files the adapter under test must serve. */
export const CONTRACT_FILES: Record<string, string> = {
  "manifest.json": '{"eeeeeeee-0000-4000-8000-000000000001": {}}',
  "eeeeeeee-0000-4000-8000-000000000001.json": '{"Event": {}}',
  "manifest.json.sig": '{"alg": "ed25519"}',
};

/** Registers the contract tests for an adapter built by `make` over CONTRACT_FILES. */
export function peerClientContract(
  name: string,
  make: () => Promise<
    { client: PeerClient; change(file: string, text: string): void } & AsyncDisposable
  >,
): void {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  Deno.test(`${name}: manifest() returns the bytes and an ETag, then 304 while unchanged`, async () => {
    await using it = await make();
    const first = await it.client.manifest();
    ok(!first.notModified);
    equal(text(first.bytes), CONTRACT_FILES["manifest.json"]);
    ok(first.etag);
    deepEqual(await it.client.manifest({ etag: first.etag }), { notModified: true });
    it.change("manifest.json", "{}");
    const changed = await it.client.manifest({ etag: first.etag });
    ok(!changed.notModified && text(changed.bytes) === "{}");
  });
  Deno.test(`${name}: event() returns a file by uuid`, async () => {
    await using it = await make();
    equal(text(await it.client.event("eeeeeeee-0000-4000-8000-000000000001")), '{"Event": {}}');
  });
  Deno.test(`${name}: event() throws TransferError for a missing event`, async () => {
    await using it = await make();
    await rejects(it.client.event("eeeeeeee-0000-4000-8000-000000000002"), TransferError);
  });
  Deno.test(`${name}: manifestSignature() returns manifest.json.sig; closeIdle() keeps it usable`, async () => {
    await using it = await make();
    equal(text(await it.client.manifestSignature()), '{"alg": "ed25519"}');
    it.client.closeIdle();
    equal(text(await it.client.event("eeeeeeee-0000-4000-8000-000000000001")), '{"Event": {}}');
    it.client.closeIdle();
  });
  Deno.test(`${name}: event() refuses a key that is not a uuid`, async () => {
    await using it = await make();
    await rejects(it.client.event("../../x"), TypeError);
  });
}
