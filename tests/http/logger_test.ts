import { deepEqual, equal } from "node:assert/strict";
import { bufferedWriter, jsonLineLogger, logMembers } from "../../src/http/mod.ts";

Deno.test("jsonLineLogger() writes one JSON object per line with time, level, msg and the fields", () => {
  const lines: string[] = [];
  const log = jsonLineLogger((line) => lines.push(line), () => new Date("2026-01-02T03:04:05Z"));
  log("warn", "event file invalid", { file: "a\nb.json" });
  equal(lines.length, 1);
  equal(lines[0]!.endsWith("\n"), true);
  equal(lines[0]!.slice(0, -1).includes("\n"), false, "a newline in a field cannot split the line");
  deepEqual(JSON.parse(lines[0]!), {
    time: "2026-01-02T03:04:05.000Z",
    level: "warn",
    msg: "event file invalid",
    file: "a\nb.json",
  });
});

Deno.test("bufferedWriter() passes text on in one piece once enough is waiting, or when flushed", () => {
  const written: string[] = [];
  const write = bufferedWriter((text) => written.push(text), { maxChars: 10, maxDelayMs: 60_000 });
  write("abc\n");
  write("def\n");
  deepEqual(written, []);
  write("ghi\n");
  deepEqual(written, ["abc\ndef\nghi\n"]);
  write("j\n");
  write.flush();
  deepEqual(written, ["abc\ndef\nghi\n", "j\n"]);
  write.flush();
  equal(written.length, 2);
});

Deno.test("bufferedWriter() writes a waiting line after at most maxDelayMs", async () => {
  const written: string[] = [];
  const write = bufferedWriter((text) => written.push(text), { maxDelayMs: 20 });
  write("late\n");
  await new Promise((resolve) => setTimeout(resolve, 60));
  deepEqual(written, ["late\n"]);
});

Deno.test("jsonLineLogger() writes the time of each line, formatted once per millisecond", () => {
  const lines: string[] = [];
  let ms = Date.parse("2026-01-02T03:04:05.006Z");
  const log = jsonLineLogger((line) => lines.push(line), () => new Date(ms));
  log("info", "one");
  log("info", "two");
  ms += 1;
  log("info", "three", {});
  deepEqual(lines.map((line) => JSON.parse(line).time), [
    "2026-01-02T03:04:05.006Z",
    "2026-01-02T03:04:05.006Z",
    "2026-01-02T03:04:05.007Z",
  ]);
  equal(lines[2], '{"time":"2026-01-02T03:04:05.007Z","level":"info","msg":"three"}\n');
});

Deno.test("jsonLineLogger() lets fields named time, level or msg replace the line's own", () => {
  const lines: string[] = [];
  const log = jsonLineLogger((line) => lines.push(line), () => new Date(0));
  log("info", "x", { msg: "from a field", n: 1 });
  deepEqual(JSON.parse(lines[0]!), {
    time: "1970-01-01T00:00:00.000Z",
    level: "info",
    msg: "from a field",
    n: 1,
  });
});

Deno.test("logMembers() writes serialised members as one JSON line, or parses them for a plain logger", () => {
  const members = '"path":"/a\\"b\\n","status":200';
  const lines: string[] = [];
  logMembers(jsonLineLogger((line) => lines.push(line), () => new Date(0)), {
    level: "warn",
    msg: "m",
    members,
  });
  deepEqual(JSON.parse(lines[0]!), {
    time: "1970-01-01T00:00:00.000Z",
    level: "warn",
    msg: "m",
    path: '/a"b\n',
    status: 200,
  });
  equal(lines[0]!.slice(0, -1).includes("\n"), false);
  const seen: unknown[] = [];
  logMembers((level, msg, fields) => seen.push({ level, msg, ...fields }), {
    level: "info",
    msg: "m",
    members,
  });
  deepEqual(seen, [{ level: "info", msg: "m", path: '/a"b\n', status: 200 }]);
});
