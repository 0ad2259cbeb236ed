// Raw HTTP/1.1 framing against a hand-written server: chunked bodies, bad heads, caps.
import { equal, rejects } from "node:assert/strict";
import { TransferError } from "../../src/errors.ts";
import { exchange } from "../../src/sync/http_exchange.ts";

function rawServer(response: string): { port: number; done: Promise<void> } {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const done = (async () => {
    const conn = await listener.accept();
    await conn.read(new Uint8Array(4096));
    await conn.write(new TextEncoder().encode(response));
    conn.close();
    listener.close();
  })();
  return { port: (listener.addr as Deno.NetAddr).port, done };
}

async function ask(response: string, maxBodyBytes = 1000) {
  const server = rawServer(response);
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: server.port });
  try {
    return await exchange(conn, {
      method: "GET",
      target: "/x",
      host: "h",
      headers: {},
      maxWireBytes: maxBodyBytes,
      maxBodyBytes,
    });
  } finally {
    try {
      conn.close();
    } catch { /* closed */ }
    await server.done;
  }
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

const bad: [string, string, RegExp][] = [
  ["a non-HTTP answer", "SSH-2.0-OpenSSH\r\n\r\n", /not an HTTP\/1.x response/],
  ["an empty answer", "", /closed the connection without answering/],
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
