// Raw HTTP/1.1 framing against a hand-written server: chunked bodies, bad heads, caps, and when a
// connection can carry another request.
import { equal, match, rejects } from "node:assert/strict";
import { TransferError } from "../../src/errors.ts";
import { exchange, NoAnswerError } from "../../src/sync/http_exchange.ts";

function rawServer(response: string): { port: number; done: Promise<string> } {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const done = (async () => {
    const conn = await listener.accept();
    const buffer = new Uint8Array(4096);
    const n = await conn.read(buffer);
    await conn.write(new TextEncoder().encode(response));
    conn.close();
    listener.close();
    return new TextDecoder().decode(buffer.subarray(0, n ?? 0));
  })();
  return { port: (listener.addr as Deno.NetAddr).port, done };
}

/** The exchange of one request with a server answering `response`, and the request it got. */
async function talk(
  response: string,
  options: { maxBodyBytes?: number; keepAlive?: boolean } = {},
) {
  const server = rawServer(response);
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: server.port });
  const maxBodyBytes = options.maxBodyBytes ?? 1000;
  try {
    const exchanged = await exchange(conn, {
      method: "GET",
      target: "/x",
      host: "h",
      headers: {},
      maxWireBytes: maxBodyBytes,
      maxBodyBytes,
      keepAlive: options.keepAlive,
    });
    return { ...exchanged, request: await server.done };
  } finally {
    try {
      conn.close();
    } catch { /* closed */ }
    await server.done.catch(() => {});
  }
}

async function ask(response: string, maxBodyBytes = 1000) {
  return (await talk(response, { maxBodyBytes })).response;
}

Deno.test("exchange() reads a chunked body", async () => {
  const response = await ask(
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n",
  );
  equal(response.status, 200);
  equal(new TextDecoder().decode(response.body), "hello world");
});

Deno.test("exchange() reads a body delimited by the connection's end", async () => {
  const response = await ask("HTTP/1.0 200 OK\r\nX-A: 1\r\nX-A: 2\r\n\r\nuntil close");
  equal(new TextDecoder().decode(response.body), "until close");
  equal(response.headers.get("x-a"), "1, 2");
});

Deno.test("exchange() asks to close the connection unless told to keep it", async () => {
  const closing = await talk("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
  match(closing.request, /\r\nConnection: close\r\n/);
  equal(closing.reusable, false);
  const kept = await talk("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", { keepAlive: true });
  equal(/Connection:/i.test(kept.request), false);
  equal(kept.reusable, true);
});

// RFC 9112 §9.3 and §9.6: a connection persists after an HTTP/1.1 message whose end is known.
const reuse: [string, string, boolean][] = [
  [
    "a chunked body with trailers",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-T: 1\r\n\r\n",
    true,
  ],
  ["a 304 without a body", 'HTTP/1.1 304 Not Modified\r\nETag: "a"\r\n\r\n', true],
  [
    "Connection: close",
    "HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 2\r\n\r\nok",
    false,
  ],
  ["an HTTP/1.0 answer", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false],
  ["a body ended by closing", "HTTP/1.1 200 OK\r\n\r\nok", false],
  [
    "bytes beyond the body",
    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n",
    false,
  ],
  [
    "chunks closed before the last empty line",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n",
    false,
  ],
];
for (const [what, response, reusable] of reuse) {
  Deno.test(`exchange() ${reusable ? "keeps" : "does not keep"} the connection after ${what}`, async () => {
    const result = await talk(response, { keepAlive: true });
    equal(result.reusable, reusable);
    if (result.response.status === 200) equal(new TextDecoder().decode(result.response.body), "ok");
  });
}

Deno.test("exchange() reports a connection closed before any answer as NoAnswerError", async () => {
  await rejects(
    ask(""),
    (e: Error) =>
      e instanceof NoAnswerError && e.original instanceof TransferError &&
      /closed the connection without answering/.test((e.original as Error).message),
  );
});

const bad: [string, string, RegExp][] = [
  ["a non-HTTP answer", "SSH-2.0-OpenSSH\r\n\r\n", /not an HTTP\/1.x response/],
  [
    "a chunk longer than its size",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n0\r\n\r\n",
    /a chunk does not end where its size says/,
  ],
  [
    "a bad chunk size",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    /bad chunk size/,
  ],
  [
    "a chunked body over the cap",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n",
    /over the limit/,
  ],
  [
    "a body over the cap without length",
    `HTTP/1.1 200 OK\r\n\r\n${"x".repeat(2000)}`,
    /over the limit/,
  ],
  [
    "an invalid content-length",
    "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
    /invalid content-length/,
  ],
  [
    "an unsupported encoding",
    "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 1\r\n\r\nx",
    /unsupported content-encoding "br"/,
  ],
];
for (const [what, response, message] of bad) {
  Deno.test(`exchange() refuses ${what}`, async () => {
    await rejects(
      ask(response),
      (e: Error) => e instanceof TransferError && message.test(e.message),
    );
  });
}
