/**
 * @module
 * A static MISP feed served on 127.0.0.1 for sync tests: files by path (from memory or a folder),
 * ETag / If-None-Match on every file, a log of the requests, and per-path behaviours (status, delay,
 * gzip, redirect, truncation) to play a misbehaving peer.
 */

/** How one path misbehaves. */
export type Behaviour =
  | { status: number; body?: string }
  | { delayMs: number }
  | { gzip: true }
  | { redirect: string }
  | { truncate: true }
  | { hang: true };

/** A request the server received. */
export interface LoggedRequest {
  path: string;
  headers: Headers;
  /** The client's port: one per connection. */
  clientPort: number;
}

/** A running feed server. */
export interface FeedServer extends AsyncDisposable {
  readonly url: string;
  readonly port: number;
  readonly files: Map<string, Uint8Array>;
  readonly behaviours: Map<string, Behaviour>;
  readonly requests: LoggedRequest[];
  /** Sets a file's text (or bytes). */
  put(path: string, content: string | Uint8Array): void;
  close(): Promise<void>;
}

/** Starts a feed server; `files` maps paths like `/manifest.json` to content. */
export function startFeedServer(files: Record<string, string | Uint8Array> = {}): FeedServer {
  const map = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  const put = (path: string, content: string | Uint8Array) =>
    map.set(path, typeof content === "string" ? encoder.encode(content) : content);
  for (const [path, content] of Object.entries(files)) put(path, content);
  const behaviours = new Map<string, Behaviour>();
  const requests: LoggedRequest[] = [];
  const controller = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: controller.signal, onListen() {} },
    async (request, info) => {
      const path = new URL(request.url).pathname;
      requests.push({ path, headers: request.headers, clientPort: info.remoteAddr.port });
      const behaviour = behaviours.get(path);
      if (behaviour && "hang" in behaviour) {
        await new Promise((resolve) => setTimeout(resolve, 60_000)).catch(() => {});
      }
      if (behaviour && "delayMs" in behaviour) {
        await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      }
      if (behaviour && "status" in behaviour) {
        return new Response(behaviour.body ?? "error", { status: behaviour.status });
      }
      if (behaviour && "redirect" in behaviour) {
        return new Response(null, { status: 302, headers: { location: behaviour.redirect } });
      }
      const body = map.get(path);
      if (!body) return new Response("not found", { status: 404 });
      const etag = `"${await digest(body)}"`;
      if (request.headers.get("if-none-match") === etag) {
        return new Response(null, { status: 304, headers: { etag } });
      }
      if (behaviour && "gzip" in behaviour) {
        const gz = new Uint8Array(
          await new Response(
            new Blob([body as BlobPart]).stream().pipeThrough(new CompressionStream("gzip")),
          ).arrayBuffer(),
        );
        return new Response(gz as BodyInit, { headers: { "content-encoding": "gzip", etag } });
      }
      if (behaviour && "truncate" in behaviour) {
        // Promise more than is sent, then end the stream: the client sees a truncated body.
        const stream = new ReadableStream({
          start(c) {
            c.enqueue(body.subarray(0, Math.floor(body.length / 2)));
            c.error(new Error("cut"));
          },
        });
        return new Response(stream, { headers: { "content-length": String(body.length) } });
      }
      return new Response(body as BodyInit, {
        headers: { etag, "content-type": "application/json" },
      });
    },
  );
  const port = server.addr.port;
  const close = async () => {
    controller.abort();
    await server.finished;
  };
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    files: map,
    behaviours,
    requests,
    put,
    close,
    [Symbol.asyncDispose]: close,
  };
}

/** Starts a feed server serving every file of `dir` at `/<name>`. */
export async function serveFolder(dir: string): Promise<FeedServer> {
  const server = startFeedServer();
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile) server.put(`/${entry.name}`, await Deno.readFile(`${dir}/${entry.name}`));
  }
  return server;
}

async function digest(bytes: Uint8Array): Promise<string> {
  const hash = await crypto.subtle.digest("SHA-1", bytes as BufferSource);
  return [...new Uint8Array(hash)].slice(0, 8).map((b) => b.toString(16).padStart(2, "0")).join("");
}
