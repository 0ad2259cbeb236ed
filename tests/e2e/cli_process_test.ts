/**
 * End to end: the real `kura` entry point in a child process, with the deno.json task's permissions.
 */
import { equal, match } from "node:assert/strict";
import { formatEventDocument } from "../../src/model/mod.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

async function kura(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--config",
      `${ROOT}deno.json`,
      "--allow-read",
      "--allow-write",
      "--allow-env=KURA_CONFIG",
      `${ROOT}src/main.ts`,
      ...args,
    ],
    cwd,
    env: { NO_COLOR: "1" },
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

Deno.test("kura validate in a child process validates the shipped sample data with exit code 0", async () => {
  const run = await kura(["validate"], ROOT);
  equal(run.code, 0, run.stdout + run.stderr);
  match(run.stderr, /file\(s\): \d+ valid, 0 invalid/);
});

Deno.test("kura in a child process exits 1 for invalid data and 2 for a usage error", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/data/events`, { recursive: true });
  await Deno.writeTextFile(
    `${dir.path}/data/events/${uuidN(1)}.json`,
    formatEventDocument(sampleEvent({ uuid: uuidN(1), threat_level_id: "9" })),
  );
  const invalid = await kura(["validate"], dir.path);
  equal(invalid.code, 1);
  match(invalid.stdout, /threat_level_id "9"/);
  const usage = await kura(["validate", "--no-such-flag"], dir.path);
  equal(usage.code, 2);
  const unknown = await kura(["frobnicate"], dir.path);
  equal(unknown.code, 2);
  match(unknown.stderr, /unknown command "frobnicate"/);
});

Deno.test("kura fmt --check in a child process finds the shipped sample data canonical", async () => {
  const run = await kura(["fmt", "--check"], ROOT);
  equal(run.code, 0, run.stdout + run.stderr);
});

Deno.test("kura validate in a child process ends at once on SIGINT", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/data/events`, { recursive: true });
  const files = 2000;
  for (let i = 1; i <= files; i++) {
    const event = sampleEvent({ uuid: uuidN(i), threat_level_id: "9" }, 200);
    await Deno.writeTextFile(
      `${dir.path}/data/events/${uuidN(i)}.json`,
      formatEventDocument(event),
    );
  }
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--config", `${ROOT}deno.json`, "--allow-read", `${ROOT}src/main.ts`, "validate"],
    cwd: dir.path,
    stdout: "piped",
    stderr: "null",
  }).spawn();
  // Wait until it is busy printing findings, then interrupt it.
  const reader = child.stdout.getReader();
  let printed = "";
  while (!printed.includes("\n")) {
    const chunk = await reader.read();
    if (chunk.done) break;
    printed += new TextDecoder().decode(chunk.value);
  }
  child.kill("SIGINT");
  let lines = printed.split("\n").length - 1;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    lines += new TextDecoder().decode(chunk.value).split("\n").length - 1;
  }
  const status = await child.status;
  equal(status.signal, "SIGINT", `exited with ${status.code} after ${lines} of ${files} lines`);
});
