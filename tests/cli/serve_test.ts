import { equal, match } from "node:assert/strict";
import { runCli } from "../../src/cli/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { eventually } from "../support/daemon_process.ts";
import { sampleRepo } from "../support/sample_repo.ts";

const usage: [string, string[], RegExp][] = [
  ["a port that is not a number", ["--port", "http"], /--port must be a number from 0 to 65535/],
  ["a port over 65535", ["--port", "70000"], /--port must be a number/],
  ["a host with a path", ["--host", "a/b"], /--host must be a host name or an IP address/],
  ["an extra argument", ["public"], /unexpected argument "public"/],
  ["an unknown watcher", ["--watcher", "inotify"], /--watcher must be native or chokidar/],
  ["an unknown option", ["--tls"], /Unknown option '--tls'/],
];
for (const [what, args, message] of usage) {
  Deno.test(`kura serve exits 2 for ${what}`, async () => {
    await using repo = await sampleRepo();
    const run = await runKura(["serve", ...args], repo.path);
    equal(run.code, 2);
    match(run.stderr, message);
  });
}

Deno.test("kura serve exits 2 with a clear message when the port is taken", async () => {
  await using repo = await sampleRepo();
  using taken = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = String((taken.addr as Deno.NetAddr).port);
  const run = await runKura(["serve", "--port", port], repo.path);
  equal(run.code, 2);
  match(run.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`));
});

Deno.test("kura serve logs JSON lines, serves until its signal is aborted, then exits 0", async () => {
  await using repo = await sampleRepo();
  const controller = new AbortController();
  let stdout = "";
  const exit = runCli(["serve", "--port", "0", "--host", "127.0.0.1"], {
    stdout: (text) => (stdout += text),
    stderr: () => {},
    cwd: repo.path,
    now: () => new Date(),
    getEnv: () => undefined,
    isTerminal: false,
    signal: controller.signal,
  });
  const url = await eventually(() => {
    const line = stdout.split("\n").filter(Boolean).map((text) => JSON.parse(text)).find((
      record,
    ) => record.msg === "listening");
    return Promise.resolve(line?.url as string | undefined);
  });
  const status = await (await fetch(`${url}/status`)).json();
  equal(status.version, "0.1.0");
  equal(status.eventFiles.invalid, 0);
  controller.abort();
  equal(await exit, 0);
  for (const line of stdout.trim().split("\n")) JSON.parse(line);
});
