import { equal, throws } from "node:assert/strict";
import { MetricsRegistry } from "../../src/http/mod.ts";

Deno.test("MetricsRegistry.render() writes counters, gauges and histograms in Prometheus text format", () => {
  const metrics = new MetricsRegistry();
  const counter = metrics.counter("x_requests_total", "Requests");
  counter.inc({ route: "/a", status: "200" });
  counter.inc({ status: "200", route: "/a" }, 2);
  metrics.gauge("x_size", "Size").set({}, 42);
  const histogram = metrics.histogram("x_seconds", "Time", [0.1, 1]);
  histogram.observe({ kind: "full" }, 0.05);
  histogram.observe({ kind: "full" }, 0.5);
  histogram.observe({ kind: "full" }, 5);
  equal(
    metrics.render(),
    [
      "# HELP x_requests_total Requests",
      "# TYPE x_requests_total counter",
      'x_requests_total{route="/a",status="200"} 3',
      "# HELP x_size Size",
      "# TYPE x_size gauge",
      "x_size 42",
      "# HELP x_seconds Time",
      "# TYPE x_seconds histogram",
      'x_seconds_bucket{kind="full",le="0.1"} 1',
      'x_seconds_bucket{kind="full",le="1"} 2',
      'x_seconds_bucket{kind="full",le="+Inf"} 3',
      'x_seconds_sum{kind="full"} 5.55',
      'x_seconds_count{kind="full"} 3',
      "",
    ].join("\n"),
  );
});

Deno.test("MetricsRegistry escapes label values and help text", () => {
  const metrics = new MetricsRegistry();
  metrics.gauge("x", "line\\one\ntwo").set({ feed: 'a"b\\c\nd' }, 1);
  equal(
    metrics.render(),
    '# HELP x line\\\\one\\ntwo\n# TYPE x gauge\nx{feed="a\\"b\\\\c\\nd"} 1\n',
  );
});

Deno.test("MetricsRegistry runs collectors before rendering, and gauges can be reset", () => {
  const metrics = new MetricsRegistry();
  const gauge = metrics.gauge("x_feeds", "Feeds");
  let feeds = ["a", "b"];
  metrics.onCollect(() => {
    gauge.reset();
    for (const feed of feeds) gauge.set({ feed }, 1);
  });
  equal(metrics.render().split("\n").filter((line) => line.startsWith("x_feeds{")).length, 2);
  feeds = ["a"];
  equal(metrics.render().split("\n").filter((line) => line.startsWith("x_feeds{")).length, 1);
});

Deno.test("MetricsRegistry refuses a bad name and a name reused with another type", () => {
  const metrics = new MetricsRegistry();
  throws(() => metrics.counter("bad-name", ""), /Bad metric name/);
  metrics.counter("x_total", "");
  throws(() => metrics.gauge("x_total", ""), /is a counter/);
});
