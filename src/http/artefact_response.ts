/**
 * @module
 * Serving one feed file: a strong ETag from its SHA-256 and `If-None-Match` → 304 (MISP caches
 * `manifest.json` by ETag, misp-behaviour.md §3.3), `Content-Length`, and gzip or brotli chosen by
 * `Accept-Encoding`. Compressed copies and the ETag are made once per artefact (artefacts never
 * change; a new version is a new artefact) and kept beside it, never per request. Very large files
 * (`hashes.csv` of a big feed) are compressed in the background: they go out uncompressed until the
 * copy is ready, rather than making a reader wait.
 */
import { brotliCompress, constants, gzip } from "node:zlib";
import { artefactBytes, artefactSha256, type FeedArtefact } from "../publish/mod.ts";

/** Options of {@link artefactResponse}. */
export interface ArtefactResponseOptions {
  /** The `Cache-Control` value. */
  readonly cacheControl: string;
  /** Files smaller than this go out uncompressed (default 512 bytes). */
  readonly minCompressBytes?: number;
  /** Files larger than this are compressed in the background (default 4 MiB). */
  readonly backgroundCompressBytes?: number;
  /** Headers added to every 200 response (the security headers), kept with the prebuilt ones. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Filled with what a 200 response sends (its `Content-Length` and `Content-Encoding`), for the
   * request log, which so need not read them back from the response's headers.
   */
  readonly sent?: SentFile;
}

/** What a 200 response for a file sends: its length and its coding. */
export interface SentFile {
  bytes?: number;
  encoding?: string;
}

type Coding = "br" | "gzip";

/** What is kept beside an artefact: its ETag value and its compressed copies. */
interface Derived {
  readonly tag: string;
  /** Per coding: the copy while being made, then the bytes, or null when it is not smaller. */
  readonly pending: Partial<Record<Coding, Promise<Uint8Array | null>>>;
  readonly ready: Partial<Record<Coding, Uint8Array | null>>;
  /** 200 responses built once per coding (`identity` for none), then Cache-Control; cloned. */
  readonly responses: Map<string, Map<string, Response>>;
  /** Per coding: the length of what is sent. */
  readonly lengths: Partial<Record<Coding | "identity", number>>;
}

/** Accept-Encoding values seen, parsed (clients send few distinct ones). */
const codingsOf = new Map<string, Coding[]>();

const derived = new WeakMap<FeedArtefact, Derived>();

/**
 * The 200, 304 (or HEAD) response for `artefact` as `request` asks for it: synchronous, unless the
 * compressed copy the client can take is still being made and the file is small enough to wait for.
 */
export function artefactResponse(
  request: Request,
  artefact: FeedArtefact,
  options: ArtefactResponseOptions,
): Response | Promise<Response> {
  const known = derivedOf(artefact);
  const headers = request.headers;
  const accepted = acceptedCodingsCached(headers.get("Accept-Encoding"));
  const conditional = headers.get("If-None-Match");
  const matched = conditional === null ? undefined : matchingTag(conditional, known.tag, accepted);
  if (matched !== undefined) {
    return new Response(null, {
      status: 304,
      headers: {
        "Content-Type": artefact.contentType,
        "Cache-Control": options.cacheControl,
        Vary: "Accept-Encoding",
        ETag: `"${matched}"`,
        ...options.headers,
      },
    });
  }
  const coding = artefact.byteLength >= (options.minCompressBytes ?? 512)
    ? chooseCoding(artefact, known, accepted, options.backgroundCompressBytes ?? 4 << 20)
    : undefined;
  return coding instanceof Promise
    ? coding.then((chosen) => codedResponse(request, artefact, known, chosen, options))
    : codedResponse(request, artefact, known, coding, options);
}

/** The 200 (or HEAD) response for `artefact` in `coding`, from the one built before if any. */
function codedResponse(
  request: Request,
  artefact: FeedArtefact,
  known: Derived,
  coding: Coding | undefined,
  options: ArtefactResponseOptions,
): Response {
  const sent = options.sent;
  if (sent !== undefined) {
    sent.bytes = known.lengths[coding ?? "identity"] ??= coding
      ? known.ready[coding]!.length
      : artefact.byteLength;
    sent.encoding = coding;
  }
  const prebuilt = known.responses.get(coding ?? "identity")?.get(options.cacheControl);
  if (prebuilt) {
    return request.method === "HEAD"
      ? new Response(null, { status: 200, headers: prebuilt.headers })
      : prebuilt.clone(); // shares the bytes: far cheaper than a new Response, which copies them
  }
  const body = coding ? known.ready[coding]! : undefined;
  const headers = new Headers({
    "Content-Type": artefact.contentType,
    "Cache-Control": options.cacheControl,
    Vary: "Accept-Encoding",
    ETag: `"${coding ? `${known.tag}-${coding}` : known.tag}"`,
    "Content-Length": String(body ? body.length : artefact.byteLength),
    ...options.headers,
  });
  if (coding) headers.set("Content-Encoding", coding);
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  if (body === undefined && artefact.parts.length > 1) {
    // A multi-part file (hashes.csv) is streamed from its parts, never joined into a copy.
    return new Response(streamOf(artefact.parts), { status: 200, headers });
  }
  const response = new Response((body ?? artefact.parts[0]!) as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers,
  });
  let byControl = known.responses.get(coding ?? "identity");
  if (byControl === undefined) known.responses.set(coding ?? "identity", byControl = new Map());
  byControl.set(options.cacheControl, response);
  return response.clone();
}

function acceptedCodingsCached(header: string | null): Coding[] {
  if (header === null) return [];
  let codings = codingsOf.get(header);
  if (codings === undefined) {
    codings = acceptedCodings(header);
    if (codingsOf.size > 256) codingsOf.clear(); // odd clients must not grow it without bound
    codingsOf.set(header, codings);
  }
  return codings;
}

/** The codings the client accepts, best first (brotli before gzip at equal weight). */
export function acceptedCodings(header: string | null): Coding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const item of header.split(",")) {
    const [name = "", ...params] = item.split(";").map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name !== "") {
      weights.set(name === "x-gzip" ? "gzip" : name, Number.isNaN(weight) ? 0 : weight);
    }
  }
  const weightOf = (coding: Coding) => weights.get(coding) ?? weights.get("*") ?? 0;
  return (["br", "gzip"] as const).filter((coding) => weightOf(coding) > 0).sort((a, b) =>
    weightOf(b) - weightOf(a)
  );
}

/**
 * The tag to answer 304 with when `If-None-Match` names the current version (in any coding; the
 * bytes behind them are the same file), else undefined.
 */
function matchingTag(header: string, tag: string, accepted: Coding[]): string | undefined {
  if (!header) return undefined;
  const own = [tag, `${tag}-gzip`, `${tag}-br`];
  for (const item of header.split(",")) {
    const value = item.trim().replace(/^W\//, "");
    if (value === "*") return accepted[0] ? `${tag}-${accepted[0]}` : tag;
    const opaque = value.replace(/^"(.*)"$/, "$1");
    if (own.includes(opaque)) return opaque;
  }
  return undefined;
}

/**
 * The coding to send: at once when the copies the client can take are known, else once the one
 * being made is ready; a file larger than `backgroundAbove` never waits.
 */
function chooseCoding(
  artefact: FeedArtefact,
  known: Derived,
  accepted: Coding[],
  backgroundAbove: number,
): Coding | undefined | Promise<Coding | undefined> {
  for (let index = 0; index < accepted.length; index++) {
    const coding = accepted[index]!;
    const ready = known.ready[coding];
    if (ready !== undefined) {
      if (ready !== null) return coding;
      continue;
    }
    const copy = startCompression(artefact, known, coding);
    if (artefact.byteLength > backgroundAbove) continue; // not ready: never make a reader wait
    return copy.then((bytes) =>
      bytes !== null
        ? coding
        : chooseCoding(artefact, known, accepted.slice(index + 1), backgroundAbove)
    );
  }
  return undefined;
}

function startCompression(
  artefact: FeedArtefact,
  known: Derived,
  coding: Coding,
): Promise<Uint8Array | null> {
  const pending = known.pending[coding] ??
    compress(artefactBytes(artefact), coding).then(
      (bytes) => (bytes.length < artefact.byteLength ? bytes : null),
      () => null,
    ).then((bytes) => (known.ready[coding] = bytes));
  known.pending[coding] = pending;
  return pending;
}

function compress(bytes: Uint8Array, coding: Coding): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const done = (
      error: Error | null,
      result: Uint8Array,
    ) => (error ? reject(error) : resolve(result));
    if (coding === "gzip") gzip(bytes, { level: 6 }, done);
    else {
      // Quality 5 compresses better than gzip -6 at a similar cost; 11 (the default) is far slower.
      brotliCompress(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }, done);
    }
  });
}

function derivedOf(artefact: FeedArtefact): Derived {
  let known = derived.get(artefact);
  if (!known) {
    known = {
      tag: artefactSha256(artefact).slice(0, 32),
      pending: {},
      ready: {},
      responses: new Map(),
      lengths: {},
    };
    derived.set(artefact, known);
  }
  return known;
}

/** A stream of `parts` (never copied). */
function streamOf(parts: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[next++];
      if (part === undefined) controller.close();
      else controller.enqueue(part);
    },
  });
}
