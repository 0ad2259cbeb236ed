/**
 * @module
 * `deno task bench feed_serve [events] [seconds] [connections] [rounds]`: requests per second of
 * the daemon
 * against nginx serving the same feed, side by side. Writes `events` events (default 10,000, of 10
 * attributes: the manifest's size depends on the number of events only) plus one event whose file
 * is about 200 KB, starts `kura serve` (with the permissions of `deno task start`) and nginx
 * (127.0.0.1 only, one worker, `gzip_static` on the same files exported with `.gz` siblings, an
 * access log like kura's request log), then runs `wrk -H "Accept-Encoding: gzip"` on
 * `manifest.json` and on the big event file against each. Target: kura ≥ 0.8 × nginx. A third row
 * reads the big event file from a token feed (same audience, `access: "token"`) with a bearer
 * token, against nginx checking the same `Authorization` header with a fixed comparison; it
 * measures kura's token check. Each row also shows the bytes sent: both send the gzip copy.
 * Each server is measured `rounds` times (default 2), alternating with the other, and its best
 * run is kept: other work on a shared machine only ever lowers a run, and alternating spreads it
 * over both servers.
 * Installs wrk and nginx with apt-get when they are missing and this runs as root.
 */
import { gzipSync } from "node:zlib";
import { FeedCache } from "../../src/publish/mod.ts";
import { TokenStore } from "../../src/store/mod.ts";
import { benchEvent, writeBenchData } from "./_bench_data.ts";
import { formatEventDocument } from "../../src/model/mod.ts";

const REPO = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

/** Runs the benchmark. */
export async function main(args: string[]): Promise<void> {
  const events = Number(args[0] ?? 10_000);
  const seconds = Number(args[1] ?? 10);
  const connections = Number(args[2] ?? 32);
  const rounds = Number(args[3] ?? 2);
  const wrk = await tool("wrk", "wrk");
  const nginx = await tool("nginx", "nginx");
  const root = await Deno.makeTempDir({ prefix: "kura-bench-serve-" });
  await Deno.chmod(root, 0o755); // nginx workers run as another user
  const children: Deno.ChildProcess[] = [];
  try {
    console.log(`Writing ${events} events and one large event to ${root} …`);
    await writeBenchData(root, events, 10, {
      public: { audience: "public", access: "public" },
      partners: { audience: "public", access: "token" },
    });
    const big = { ...benchEvent(events + 1, 600), distribution: "3" };
    big.Attribute = big.Attribute!.map((attribute) => ({ ...attribute, distribution: "5" }));
    await Deno.writeTextFile(`${root}/data/events/${big.uuid}.json`, formatEventDocument(big));

    const cache = await FeedCache.open({ data: `${root}/data`, feeds: `${root}/feeds` });
    let bigSize = 0;
    for (const feed of ["public", "partners"]) {
      const exported = `${root}/export/feeds/${feed}`;
      await Deno.mkdir(exported, { recursive: true });
      for (const [name, artefact] of cache.files(feed)) {
        const bytes = concat(artefact.parts);
        if (name === `${big.uuid}.json`) bigSize = bytes.length;
        await Deno.writeFile(`${exported}/${name}`, bytes);
        await Deno.writeFile(`${exported}/${name}.gz`, gzipSync(bytes, { level: 6 }));
      }
    }
    const manifestSize = cache.feed("public")!.manifest().byteLength;
    const { token } = await new TokenStore(`${root}/.kura`).add("feed:partners", "bench");

    const kuraPort = freePort();
    const nginxPort = freePort();
    const permissions = await startPermissions();
    children.push(
      new Deno.Command("sh", {
        args: [
          "-c",
          `exec "$0" run ${permissions.join(" ")} "${REPO}/src/main.ts" serve --port ${kuraPort} ` +
          `--data "${root}/data" --feeds "${root}/feeds" --state "${root}/.kura" > "${root}/kura.log" 2>&1`,
          Deno.execPath(),
        ],
        cwd: root,
      }).spawn(),
    );
    await Deno.writeTextFile(`${root}/nginx.conf`, nginxConfig(root, nginxPort, token));
    children.push(
      new Deno.Command(nginx, {
        args: ["-c", `${root}/nginx.conf`, "-p", `${root}/`],
        stdout: "null",
        stderr: "inherit",
      }).spawn(),
    );
    const kura = `http://127.0.0.1:${kuraPort}/feeds`;
    const web = `http://127.0.0.1:${nginxPort}/feeds`;
    await waitFor(`http://127.0.0.1:${kuraPort}/healthz`);
    await waitFor(`${web}/public/manifest.json`);

    const rows: [string, string, string[]][] = [
      ["public/manifest.json", `manifest.json (${kb(manifestSize)})`, []],
      [`public/${big.uuid}.json`, `event file (${kb(bigSize)})`, []],
      [`partners/${big.uuid}.json`, `same, token feed`, ["-H", `Authorization: Bearer ${token}`]],
    ];
    const lines: string[] = [];
    for (const [file, label, headers] of rows) {
      const sent = [];
      for (const base of [kura, web]) sent.push(await warm(`${base}/${file}`, headers)); // copies made
      const ours: Run[] = [];
      const theirs: Run[] = [];
      for (let round = 0; round < rounds; round++) {
        ours.push(await run(wrk, `${kura}/${file}`, { seconds, connections, headers }));
        theirs.push(await run(wrk, `${web}/${file}`, { seconds, connections, headers }));
      }
      const kuraBest = bestOf(ours);
      const nginxBest = bestOf(theirs);
      const errors = kuraBest.errors + nginxBest.errors > 0
        ? `   (errors: kura ${kuraBest.errors}, nginx ${nginxBest.errors})`
        : "";
      lines.push(
        `  ${label.padEnd(24)} kura ${fmt(kuraBest.rps).padStart(7)} req/s   nginx ${
          fmt(nginxBest.rps).padStart(7)
        } req/s   kura/nginx ${(kuraBest.rps / nginxBest.rps).toFixed(2)}   sent: kura ${
          sent[0]
        }, nginx ${sent[1]}${errors}`,
      );
      if (rounds > 1) {
        lines.push(
          `  ${"".padEnd(24)} all runs: kura ${ours.map((r) => fmt(r.rps)).join(", ")}; nginx ${
            theirs.map((r) => fmt(r.rps)).join(", ")
          }`,
        );
      }
    }
    const [one, five] = Deno.loadavg();
    console.log(`
Serving one feed (${
      events + 1
    } events), wrk -t2 -c${connections} -d${seconds}s, Accept-Encoding: gzip, best of ${rounds} alternating runs
${lines.join("\n")}
  target: kura/nginx ≥ 0.80

kura: deno task start permissions, one process, pre-compressed gzip, JSON request log to a file.
nginx: 1 worker, gzip_static on the exported files with .gz siblings, access log to a file;
the token feed's location compares the Authorization header with the one token.
Machine: ${navigator.hardwareConcurrency} cores, load average ${one?.toFixed(2)} / ${
      five?.toFixed(2)
    } (1 / 5 min); wrk shares the cores with both servers.
Rerun: deno task bench feed_serve ${events} ${seconds} ${connections} ${rounds}
Figures from a busy machine are indicative only; measure on a quiet one.`);
  } finally {
    for (const child of children) {
      try {
        child.kill("SIGTERM");
      } catch {
        // already gone
      }
      await child.status;
    }
    await Deno.remove(root, { recursive: true });
  }
}

/** The path of `name`, installing Debian package `pkg` when it is missing and we are root. */
async function tool(name: string, pkg: string): Promise<string> {
  const find = async () => {
    for (const dir of ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin"]) {
      if (await Deno.stat(`${dir}/${name}`).then(() => true, () => false)) return `${dir}/${name}`;
    }
    return undefined;
  };
  const found = await find();
  if (found) return found;
  if (Deno.uid() !== 0) {
    throw new Error(`${name} is missing: install it with "sudo apt-get install ${pkg}"`);
  }
  console.log(`Installing ${pkg} (apt-get) …`);
  const install = await new Deno.Command("apt-get", {
    args: ["install", "-y", "-q", "--no-install-recommends", pkg],
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "null",
  }).output();
  const installed = await find();
  if (!install.success || !installed) throw new Error(`could not install ${pkg}`);
  return installed;
}

async function startPermissions(): Promise<string[]> {
  const config = JSON.parse(await Deno.readTextFile(`${REPO}/deno.json`));
  return (config.tasks.start as string).split(/\s+/).filter((flag) => flag.startsWith("--allow"));
}

function nginxConfig(root: string, port: number, token: string): string {
  return `daemon off;
worker_processes 1;
pid ${root}/nginx.pid;
error_log ${root}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  types { application/json json; text/csv csv; }
  default_type application/octet-stream;
  access_log ${root}/nginx-access.log;
  client_body_temp_path ${root}/nginx-tmp;
  proxy_temp_path ${root}/nginx-tmp;
  fastcgi_temp_path ${root}/nginx-tmp;
  uwsgi_temp_path ${root}/nginx-tmp;
  scgi_temp_path ${root}/nginx-tmp;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  etag on;
  gzip on;
  gzip_static on;
  gzip_types application/json text/csv;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port};
    root ${root}/export;
    location /feeds/partners/ {
      if ($http_authorization != "Bearer ${token}") { return 401; }
    }
  }
}
`;
}

/** One wrk run: requests per second, and responses other than 2xx or 3xx. */
interface Run {
  readonly rps: number;
  readonly errors: number;
}

function bestOf(runs: readonly Run[]): Run {
  return runs.reduce((best, run) => (run.rps > best.rps ? run : best));
}

async function run(
  wrk: string,
  url: string,
  options: { seconds: number; connections: number; headers: string[] },
): Promise<Run> {
  const output = await new Deno.Command(wrk, {
    args: [
      "-t2",
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      "-H",
      "Accept-Encoding: gzip",
      ...options.headers,
      url,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN);
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  if (Number.isNaN(rps)) throw new Error(`wrk failed on ${url}:\n${text}`);
  return { rps, errors };
}

/** Fetches `url` as wrk will (so compressed copies are made); returns what was sent, e.g. "19 KB gzip". */
async function warm(url: string, headers: string[]): Promise<string> {
  const init = new Headers({ "Accept-Encoding": "gzip" });
  for (let index = 1; index < headers.length; index += 2) {
    const [name, value] = headers[index]!.split(/: (.*)/s);
    init.set(name!, value!);
  }
  const response = await fetch(url, { headers: init });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const length = Number(response.headers.get("Content-Length"));
  return `${kb(length)} ${response.headers.get("Content-Encoding") ?? "identity"}`;
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 120 s`);
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString("en");
}
