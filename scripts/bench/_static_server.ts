/**
 * @module
 * A plain static file server for the sync benchmark, in its own process so serving does not compete
 * with the pull being measured: files of a folder at `/<name>`, an ETag from size and mtime, and a
 * request counter at `/__requests`. Prints its port on stdout.
 */
const [dir] = Deno.args;
let requests = 0;
const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
  const name = new URL(request.url).pathname.slice(1);
  if (name === "__requests") return new Response(String(requests));
  requests++;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return new Response("bad name", { status: 400 });
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(`${dir}/${name}`);
  } catch {
    return new Response("not found", { status: 404 });
  }
  const etag = `"${info.size}-${info.mtime?.getTime()}"`;
  if (request.headers.get("if-none-match") === etag) {
    return new Response(null, { status: 304, headers: { etag } });
  }
  const file = await Deno.open(`${dir}/${name}`);
  return new Response(file.readable, {
    headers: { etag, "content-length": String(info.size), "content-type": "application/json" },
  });
});
console.log(server.addr.port);
