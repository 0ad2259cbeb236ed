// manifest.json.sig: served beside each manifest when the instance has a signing key, behind the
// same access rules as the manifest, and always for the manifest version being served.
import { generateSigningKey } from "../../src/store/mod.ts";
import { equal, match } from "node:assert/strict";
import { signatureProblem, signerOf } from "../../src/feed/mod.ts";
import { formatEventDocument } from "../../src/model/mod.ts";
import { bearer, httpFixture, SHARED_UUID } from "../support/http_fixture.ts";
import { sampleEvent } from "../support/sample_events.ts";

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

Deno.test("GET manifest.json.sig answers a signature of the manifest served, for token feeds only with a token", async () => {
  const { publicKey, privateJwk } = await generateSigningKey();
  await using f = await httpFixture({}, undefined, { signer: await signerOf(privateJwk) });
  const manifest = await bytesOf(await f.request("/feeds/public/manifest.json"));
  const response = await f.request("/feeds/public/manifest.json.sig");
  equal(response.status, 200);
  equal(response.headers.get("Content-Type"), "application/json; charset=utf-8");
  equal(await signatureProblem(manifest, await bytesOf(response), publicKey), undefined);
  equal(f.logs.at(-1)?.route, "/feeds/{name}/manifest.json.sig");

  equal((await f.request("/feeds/internal/manifest.json.sig")).status, 401);
  const internal = await bytesOf(
    await f.request("/feeds/internal/manifest.json", bearer(f.tokens.internal)),
  );
  const signed = await f.request("/feeds/internal/manifest.json.sig", bearer(f.tokens.internal));
  equal(await signatureProblem(internal, await bytesOf(signed), publicKey), undefined);

  // A new manifest version gets its own signature.
  const path = `${f.folders.data}/events/${SHARED_UUID}.json`;
  await Deno.writeTextFile(
    path,
    formatEventDocument(
      sampleEvent({ uuid: SHARED_UUID, info: "edited", timestamp: "1700000999" }),
    ),
  );
  await f.cache.apply([path]);
  const fresh = await bytesOf(await f.request("/feeds/public/manifest.json"));
  const again = await bytesOf(await f.request("/feeds/public/manifest.json.sig"));
  equal(await signatureProblem(fresh, again, publicKey), undefined);
  match((await signatureProblem(manifest, again, publicKey))!, /does not match/);
});

Deno.test("GET manifest.json.sig is 404 on an instance without a signing key", async () => {
  await using f = await httpFixture();
  equal((await f.request("/feeds/public/manifest.json.sig")).status, 404);
  equal((await f.request("/feeds/nope/manifest.json.sig")).status, 404);
});
