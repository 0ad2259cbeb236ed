import { match } from "node:assert/strict";
import { MetricsRegistry, observeRender } from "../../src/http/mod.ts";

Deno.test("observeRender() records render durations by kind, and ignores passes that did nothing", () => {
  const metrics = new MetricsRegistry();
  const report = {
    at: new Date(0).toISOString(),
    filesRead: 1,
    changedFeeds: [],
    invalid: [],
    recovered: [],
    brokenFeeds: [],
  };
  observeRender(metrics, { ...report, kind: "events", durationMs: 12 });
  observeRender(metrics, { ...report, kind: "none", durationMs: 0 });
  const text = metrics.render();
  match(text, /kura_render_duration_seconds_count\{kind="events"\} 1\n/);
  match(text, /kura_render_duration_seconds_sum\{kind="events"\} 0.012\n/);
  match(text, /^(?![\s\S]*kind="none")/);
});
