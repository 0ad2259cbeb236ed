import { equal, match } from "node:assert/strict";
import { progressReporter } from "../../src/cli/progress_bar.ts";

Deno.test("progressReporter() redraws a bar in place on a terminal and clears it at the end", () => {
  let out = "";
  const report = progressReporter((text) => (out += text), true);
  report({ peer: "a", phase: "manifest", done: 0, total: 0 });
  report({ peer: "a", phase: "events", done: 5, total: 10 });
  report({ peer: "a", phase: "done", done: 10, total: 10 });
  equal(out, `\ra [${"#".repeat(15)}${".".repeat(15)}] 5/10\r\x1b[2K`);
});

Deno.test("progressReporter() logs one line per tenth when not on a terminal", () => {
  let out = "";
  const report = progressReporter((text) => (out += text), false);
  report({ peer: "a", phase: "manifest", done: 0, total: 0 });
  for (let done = 0; done <= 100; done++) report({ peer: "a", phase: "events", done, total: 100 });
  equal(out.split("\n").filter(Boolean).length, 12);
  match(out, /^a: fetching manifest\na: 0\/100 events\na: 10\/100 events\n/);
});
