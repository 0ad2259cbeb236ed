/**
 * @module
 * One HTTP/1.1 request over an already open connection, read with hard limits: the response head,
 * the body as sent on the wire (Content-Length, chunked or until close) capped at `maxWireBytes`, then
 * gzip/deflate decoded while counting, so a compression bomb stops at `maxBodyBytes`. kura speaks
 * HTTP itself (instead of fetch) to connect to the address it checked and count every byte. It says
 * whether the connection can carry another request: only after an HTTP/1.1 response whose end was
 * known (a length, chunks, or no body), without `Connection: close`, and nothing sent beyond it.
 */
import { TransferError } from "../errors.ts";

/** A response read by {@link exchange}. */
export interface RawResponse {
  readonly status: number;
  /** Header names lower-case; repeated headers joined with ", ". */
  readonly headers: ReadonlyMap<string, string>;
  /** The decoded body (empty for HEAD, 204 and 304). */
  readonly body: Uint8Array;
  /** Bytes of body received on the wire, before decoding. */
  readonly wireBytes: number;
}

/** Limits and the request of {@link exchange}. */
export interface ExchangeOptions {
  readonly method: "GET" | "HEAD";
  /** Origin-form target: path and query. */
  readonly target: string;
  /** Host header value. */
  readonly host: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Largest body accepted on the wire. */
  readonly maxWireBytes: number;
  /** Largest body accepted once decoded. */
  readonly maxBodyBytes: number;
  /** Ask to keep the connection open for another request (else `Connection: close`). */
  readonly keepAlive?: boolean;
}

/** A response, and whether its connection can carry another request. */
export interface Exchanged {
  readonly response: RawResponse;
  readonly reusable: boolean;
}

/**
 * The connection failed before any byte of an answer arrived (closed, reset, or the request could
 * not be written): on a connection reused from a pool this means the server had dropped it, and the
 * request can be sent again on a new one.
 */
export class NoAnswerError extends Error {
  override name = "NoAnswerError";
  /** What went wrong, as the connection reported it. */
  readonly original: unknown;
  /** Wraps `original`. */
  constructor(original: unknown) {
    super(`no answer: ${(original as Error).message}`);
    this.original = original;
  }
}

const MAX_HEAD_BYTES = 64 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Sends one request on `conn` and reads the whole response within the limits. */
export async function exchange(conn: Deno.Conn, options: ExchangeOptions): Promise<Exchanged> {
  const lines = [`${options.method} ${options.target} HTTP/1.1`, `Host: ${options.host}`];
  for (const [name, value] of Object.entries(options.headers)) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
      throw new TypeError(`header ${name} contains a line break`);
    }
    lines.push(`${name}: ${value}`);
  }
  if (!options.keepAlive) lines.push("Connection: close");
  lines.push("", "");
  const reader = new ConnReader(conn);
  let head;
  try {
    await writeAll(conn, encoder.encode(lines.join("\r\n")));
    head = await readHead(reader);
  } catch (cause) {
    if (reader.received === 0) throw new NoAnswerError(cause);
    throw cause;
  }
  while (head.status >= 100 && head.status < 200) head = await readHead(reader); // 100 Continue
  const noBody = options.method === "HEAD" || head.status === 204 || head.status === 304;
  const wire = noBody ? { bytes: new Uint8Array(0), delimited: true } : await readBody(
    reader,
    head.headers,
    options.maxWireBytes,
  );
  const body = await decode(wire.bytes, head.headers.get("content-encoding"), options.maxBodyBytes);
  const closing = (head.headers.get("connection") ?? "").toLowerCase().split(",")
    .some((token) => token.trim() === "close");
  return {
    response: { status: head.status, headers: head.headers, body, wireBytes: wire.bytes.length },
    reusable: options.keepAlive === true && head.version === "1.1" && !closing &&
      wire.delimited && reader.buffered.length === 0,
  };
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += await conn.write(bytes.subarray(written));
}

/** Buffered reading from a connection; the buffer grows by doubling, so large bodies stay linear. */
class ConnReader {
  #buf = new Uint8Array(16 * 1024);
  #start = 0;
  #end = 0;
  #eof = false;
  /** Bytes read from the connection so far. */
  received = 0;
  constructor(readonly conn: Deno.Conn) {}

  get buffered(): Uint8Array {
    return this.#buf.subarray(this.#start, this.#end);
  }

  /** Reads more bytes into the buffer; false at end of stream. */
  async fill(): Promise<boolean> {
    if (this.#eof) return false;
    if (this.#end === this.#buf.length) {
      const used = this.#end - this.#start;
      const next = used * 2 > this.#buf.length ? new Uint8Array(this.#buf.length * 2) : this.#buf;
      next.set(this.#buf.subarray(this.#start, this.#end), 0);
      this.#buf = next;
      this.#start = 0;
      this.#end = used;
    }
    const n = await this.conn.read(this.#buf.subarray(this.#end));
    if (n === null) {
      this.#eof = true;
      return false;
    }
    this.#end += n;
    this.received += n;
    return true;
  }

  /** Removes and returns (a copy of) the first `n` buffered bytes. */
  take(n: number): Uint8Array {
    const out = this.#buf.slice(this.#start, this.#start + n);
    this.#start += n;
    return out;
  }
}

async function readHead(
  reader: ConnReader,
): Promise<{ status: number; version: string; headers: Map<string, string> }> {
  let end = indexOfCrlfCrlf(reader.buffered);
  while (end === -1) {
    if (reader.buffered.length > MAX_HEAD_BYTES) {
      throw new TransferError("bad-response", `response headers exceed ${MAX_HEAD_BYTES} bytes`);
    }
    if (!(await reader.fill())) {
      throw new TransferError(
        "bad-response",
        reader.buffered.length === 0
          ? "the peer closed the connection without answering"
          : "the response ended inside its headers",
      );
    }
    end = indexOfCrlfCrlf(reader.buffered);
  }
  const text = decoder.decode(reader.take(end + 4));
  const [statusLine, ...headerLines] = text.split("\r\n").filter((line) => line !== "");
  const match = /^HTTP\/1\.([01]) ([0-9]{3})(?: .*)?$/.exec(statusLine ?? "");
  if (!match) {
    throw new TransferError(
      "bad-response",
      `not an HTTP/1.x response: "${statusLine?.slice(0, 60)}"`,
    );
  }
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    if (colon <= 0) {
      throw new TransferError("bad-response", `malformed header line "${line.slice(0, 60)}"`);
    }
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { status: Number(match[2]), version: `1.${match[1]}`, headers };
}

function indexOfCrlfCrlf(bytes: Uint8Array): number {
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) {
      return i;
    }
  }
  return -1;
}

/** The body as sent, and whether its end was known from the message (else the connection closed). */
async function readBody(
  reader: ConnReader,
  headers: ReadonlyMap<string, string>,
  max: number,
): Promise<{ bytes: Uint8Array; delimited: boolean }> {
  const tooLarge = (size: string) =>
    new TransferError("too-large", `the response body is ${size}, over the limit of ${max} bytes`);
  const transfer = headers.get("transfer-encoding")?.toLowerCase();
  if (transfer !== undefined && transfer !== "identity") {
    if (transfer !== "chunked") {
      throw new TransferError("bad-response", `unsupported transfer-encoding "${transfer}"`);
    }
    return await readChunked(reader, max, tooLarge);
  }
  const lengthText = headers.get("content-length");
  if (lengthText !== undefined) {
    if (!/^[0-9]{1,15}$/.test(lengthText)) {
      throw new TransferError(
        "bad-response",
        `invalid content-length "${lengthText.slice(0, 30)}"`,
      );
    }
    const length = Number(lengthText);
    if (length > max) throw tooLarge(`${length} bytes`);
    while (reader.buffered.length < length) {
      if (!(await reader.fill())) {
        throw new TransferError(
          "bad-response",
          `the response was truncated: ${reader.buffered.length} of ${length} bytes`,
        );
      }
    }
    return { bytes: reader.take(length), delimited: true };
  }
  do {
    if (reader.buffered.length > max) throw tooLarge("larger");
  } while (await reader.fill());
  return { bytes: reader.take(reader.buffered.length), delimited: false };
}

async function readChunked(
  reader: ConnReader,
  max: number,
  tooLarge: (size: string) => Error,
): Promise<{ bytes: Uint8Array; delimited: boolean }> {
  const parts: Uint8Array[] = [];
  let total = 0;
  const need = async (n: number) => {
    while (reader.buffered.length < n) {
      if (!(await reader.fill())) {
        throw new TransferError("bad-response", "the response was truncated inside a chunk");
      }
    }
  };
  const line = async (what: string) => {
    let lineEnd = indexOfCrlf(reader.buffered);
    while (lineEnd === -1) {
      if (reader.buffered.length > 1024) throw new TransferError("bad-response", `bad ${what}`);
      await need(reader.buffered.length + 1);
      lineEnd = indexOfCrlf(reader.buffered);
    }
    return decoder.decode(reader.take(lineEnd + 2)).slice(0, -2);
  };
  for (;;) {
    const sizeText = (await line("chunk header")).split(";")[0]!.trim();
    if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText)) {
      throw new TransferError("bad-response", `bad chunk size "${sizeText.slice(0, 20)}"`);
    }
    const size = parseInt(sizeText, 16);
    if (size === 0) {
      // Trailer fields, if any, up to the empty line that ends the message: read and ignored. A
      // server that closes before that line sent the whole body; only its connection is unusable.
      try {
        for (let count = 0; (await line("trailer")) !== ""; count++) {
          if (count >= 32) throw new TransferError("bad-response", "too many trailer fields");
        }
      } catch {
        return { bytes: concat(parts, total), delimited: false };
      }
      break;
    }
    total += size;
    if (total > max) throw tooLarge("larger");
    await need(size + 2);
    parts.push(reader.take(size));
    const end = reader.take(2);
    if (end[0] !== 13 || end[1] !== 10) {
      throw new TransferError("bad-response", "a chunk does not end where its size says");
    }
  }
  return { bytes: concat(parts, total), delimited: true };
}

function indexOfCrlf(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === 13 && bytes[i + 1] === 10) return i;
  return -1;
}

async function decode(
  wire: Uint8Array,
  encoding: string | undefined,
  max: number,
): Promise<Uint8Array> {
  const name = encoding?.trim().toLowerCase();
  if (name === undefined || name === "" || name === "identity") {
    if (wire.length > max) {
      throw new TransferError("too-large", `the body is ${wire.length} bytes, over ${max}`);
    }
    return wire;
  }
  if (name !== "gzip" && name !== "x-gzip" && name !== "deflate") {
    throw new TransferError("bad-response", `unsupported content-encoding "${name.slice(0, 30)}"`);
  }
  const stream = new Blob([wire as BlobPart]).stream().pipeThrough(
    new DecompressionStream(name === "deflate" ? "deflate" : "gzip"),
  );
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > max) {
        await reader.cancel();
        throw new TransferError(
          "too-large",
          `the ${name} body decompresses to more than ${max} bytes (stopped early)`,
        );
      }
      parts.push(value);
    }
  } catch (cause) {
    if (cause instanceof TransferError) throw cause;
    throw new TransferError(
      "bad-response",
      `the ${name} body is corrupt: ${(cause as Error).message}`,
    );
  }
  return concat(parts, total);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
