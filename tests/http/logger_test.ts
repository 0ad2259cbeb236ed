import { deepEqual, equal } from "node:assert/strict";
import { jsonLineLogger } from "../../src/http/mod.ts";

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
