/**
 * @module
 * `deno task bench feed_render [events] [attributes] [edits] [threads]`: how fast the daemon's feeds
 * render.
 * Writes `events` events (default 10,000) of `attributes` attributes (default 100) to a temp data
 * folder with two feeds (public and internal), then times the full render of FeedCache (read,
 * validate, render every feed, assemble manifest and hashes) and `edits` incremental re-renders
 * (default 50) after editing one event (read, validate, re-render it in every feed, re-assemble the
 * manifests and hashes), and reports the peak RSS. Targets: full < 15 s, incremental p50 < 50 ms.
 */
import { formatEventDocument } from "../../src/model/mod.ts";
import { FeedCache } from "../../src/publish/mod.ts";
import { benchEvent, benchUuid, quantile, RssSampler, writeBenchData } from "./_bench_data.ts";

/** Runs the benchmark. */
export async function main(args: string[]): Promise<void> {
  const events = Number(args[0] ?? 10_000);
  const attributes = Number(args[1] ?? 100);
  const edits = Number(args[2] ?? 50);
  const threads = args[3]; // default: as the daemon chooses (one per core, at most four)
  const root = await Deno.makeTempDir({ prefix: "kura-bench-render-" });
  try {
    console.log(`Writing ${events} events × ${attributes} attributes to ${root} …`);
    await writeBenchData(root, events, attributes, {
      public: { audience: "public", access: "public" },
      internal: { audience: "internal", access: "token" },
    });
    const rssBefore = Deno.memoryUsage().rss;
    const sampler = new RssSampler();

    let started = performance.now();
    const cache = await FeedCache.open({
      data: `${root}/data`,
      feeds: `${root}/feeds`,
      threads: threads === undefined ? undefined : Number(threads),
    });
    const full = performance.now() - started;
    const rssAfter = Deno.memoryUsage().rss;
    const sizes = cache.status().feeds.map((feed) =>
      `${feed.name}: ${feed.stats?.events} events, ${mb(feed.stats?.eventBytes)} event files, ` +
      `${mb(feed.stats?.manifestBytes)} manifest, ${mb(feed.stats?.hashesBytes)} hashes.csv`
    );

    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const e = (i * 7919) % events;
      const path = `${root}/data/events/${benchUuid(e, "eeeeeeee")}.json`;
      await Deno.writeTextFile(
        path,
        formatEventDocument(benchEvent(e, attributes, { version: i + 1 })),
      );
      started = performance.now();
      const report = await cache.apply([path]);
      times.push(performance.now() - started);
      if (report.invalid.length > 0) throw new Error(`edit ${i} was refused`);
    }

    console.log(`
Feed render (${events} events × ${attributes} attributes, feeds public + internal)
  full render:               ${(full / 1000).toFixed(2)} s   (target < 15 s)
  incremental, one event:    p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${
      quantile(times, 0.95).toFixed(1)
    } ms, max ${Math.max(...times).toFixed(1)} ms over ${edits} edits   (target p50 < 50 ms)
  RSS:                       ${mb(rssBefore)} before, ${mb(rssAfter)} after the full render, peak ${
      mb(sampler.stop())
    } (sampled every 20 ms)
  ${sizes.join("\n  ")}

Render threads: ${
      threads ?? `default (${Math.min(navigator.hardwareConcurrency, 4)} on this machine)`
    }
Rerun: deno task bench feed_render ${events} ${attributes} ${edits}${threads ? ` ${threads}` : ""}
Figures from a busy machine are indicative only; measure on a quiet one.`);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? "?" : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
