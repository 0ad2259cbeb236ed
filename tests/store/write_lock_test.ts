import { deepEqual, equal } from "node:assert/strict";
import { withWriteLock } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

const CONFIG = new URL("../../deno.json", import.meta.url).pathname;

Deno.test("withWriteLock() runs work of one process one at a time, in call order", async () => {
  await using dir = await tempDir();
  const log: string[] = [];
  const lock = `${dir.path}/lock`;
  const work = (name: string) =>
    withWriteLock(lock, async () => {
      log.push(`${name}:start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`${name}:end`);
    });
  await Promise.all([work("a"), work("b"), work("c")]);
  deepEqual(log, ["a:start", "a:end", "b:start", "b:end", "c:start", "c:end"]);
});

Deno.test("withWriteLock() keeps going after a failed holder", async () => {
  await using dir = await tempDir();
  const lock = `${dir.path}/lock`;
  const failed = withWriteLock(lock, () => Promise.reject(new Error("boom")));
  const next = withWriteLock(lock, () => Promise.resolve(42));
  await failed.catch(() => {});
  equal(await next, 42);
});

Deno.test("withWriteLock() excludes holders in other processes", async () => {
  await using dir = await tempDir();
  const script = `${dir.path}/holder.ts`;
  const lockUrl = new URL("../../src/store/mod.ts", import.meta.url).href;
  await Deno.writeTextFile(
    script,
    `import { withWriteLock } from "${lockUrl}";
const [lock, log, name] = Deno.args;
for (let i = 0; i < 5; i++) {
  await withWriteLock(lock, async () => {
    await Deno.writeTextFile(log, name + ":start\\n", { append: true });
    await new Promise((r) => setTimeout(r, 10));
    await Deno.writeTextFile(log, name + ":end\\n", { append: true });
  });
}
`,
  );
  const log = `${dir.path}/log`;
  const run = (name: string) =>
    new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--config",
        CONFIG,
        "--allow-read",
        "--allow-write",
        script,
        `${dir.path}/lock`,
        log,
        name,
      ],
    }).output();
  const results = await Promise.all([run("a"), run("b")]);
  for (const result of results) equal(result.code, 0, new TextDecoder().decode(result.stderr));
  const lines = (await Deno.readTextFile(log)).trim().split("\n");
  equal(lines.length, 20);
  for (let i = 0; i < lines.length; i += 2) {
    const [name, phase] = lines[i]!.split(":");
    equal(phase, "start");
    equal(lines[i + 1], `${name}:end`, `holders interleaved at line ${i + 1}: ${lines.join(", ")}`);
  }
});
