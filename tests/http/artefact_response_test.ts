import { deepEqual, equal, ok } from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { acceptedCodings, artefactResponse, type SentFile } from "../../src/http/mod.ts";
import { CSV_TYPE, partsArtefact } from "../../src/publish/mod.ts";

const codings: [string | null, string[]][] = [
  [null, []],
  ["", []],
  ["gzip", ["gzip"]],
  ["gzip, br", ["br", "gzip"]],
  ["br;q=0.5, gzip", ["gzip", "br"]],
  ["gzip;q=0", []],
  ["*", ["br", "gzip"]],
  ["*;q=0, gzip", ["gzip"]],
  ["identity", []],
  ["x-gzip", ["gzip"]],
  ["GZIP ; Q=0.8", ["gzip"]],
  ["deflate, gzip;q=nonsense", []],
];
for (const [header, expected] of codings) {
  Deno.test(`acceptedCodings() reads ${JSON.stringify(header)} as ${JSON.stringify(expected)}`, () => {
    deepEqual(acceptedCodings(header), expected);
  });
}

const encoder = new TextEncoder();
const big = () =>
  partsArtefact(
    Array.from({ length: 200 }, (_, i) => encoder.encode(`${"0".repeat(32)},line ${i}\n`)),
    CSV_TYPE,
  );

Deno.test("artefactResponse() sends a large file uncompressed while its compressed copy is made, then the copy", async () => {
  const artefact = big();
  const request = () =>
    new Request("http://x/f/hashes.csv", { headers: { "Accept-Encoding": "gzip" } });
  const options = { cacheControl: "no-cache", backgroundCompressBytes: 1024 };
  const first = await artefactResponse(request(), artefact, options);
  equal(first.headers.get("Content-Encoding"), null);
  const plain = await first.text();
  equal(plain.length, artefact.byteLength);
  equal(first.headers.get("Content-Length"), String(artefact.byteLength));
  let later = first;
  for (let i = 0; i < 50 && later.headers.get("Content-Encoding") === null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    later = await artefactResponse(request(), artefact, options);
  }
  equal(later.headers.get("Content-Encoding"), "gzip");
  equal(new TextDecoder().decode(gunzipSync(new Uint8Array(await later.arrayBuffer()))), plain);
});

Deno.test("artefactResponse() leaves small files uncompressed", async () => {
  const artefact = partsArtefact([encoder.encode("{}\n")], "application/json");
  const response = await artefactResponse(
    new Request("http://x/", { headers: { "Accept-Encoding": "gzip" } }),
    artefact,
    { cacheControl: "no-cache" },
  );
  equal(response.headers.get("Content-Encoding"), null);
  equal(await response.text(), "{}\n");
});

Deno.test("artefactResponse() gives the same ETag to the same bytes and another to other bytes", async () => {
  const tag = async (text: string) =>
    (await artefactResponse(
      new Request("http://x/"),
      partsArtefact([encoder.encode(text)], "text/plain"),
      { cacheControl: "no-cache" },
    )).headers.get("ETag");
  equal(await tag("same"), await tag("same"));
  equal((await tag("same")) === (await tag("other")), false);
});

Deno.test("artefactResponse() answers synchronously once the copy is made, and says what it sends", async () => {
  const artefact = partsArtefact(
    [encoder.encode(`[${'"value",'.repeat(200)}""]`)],
    "application/json",
  );
  const request = () => new Request("http://x/", { headers: { "Accept-Encoding": "gzip" } });
  const first = artefactResponse(request(), artefact, { cacheControl: "no-cache" });
  ok(first instanceof Promise, "the first reader waits for the copy of a small file");
  const gzipped = await first;
  const sent: SentFile = {};
  const second = artefactResponse(request(), artefact, { cacheControl: "no-cache", sent });
  ok(!(second instanceof Promise));
  equal(second.headers.get("Content-Encoding"), "gzip");
  deepEqual(sent, { bytes: Number(gzipped.headers.get("Content-Length")), encoding: "gzip" });
  const plain: SentFile = {};
  artefactResponse(new Request("http://x/", { method: "HEAD" }), artefact, {
    cacheControl: "no-cache",
    sent: plain,
  });
  deepEqual(plain, { bytes: artefact.byteLength, encoding: undefined });
});
