/**
 * @module
 * The feeds as the daemon serves them: every served feed rendered in memory, then kept current from
 * changed paths. One changed event file re-renders that event only (its file, its hash lines, its
 * manifest line, in every feed); a changed definition re-renders that feed; a changed organisation
 * or sharing group, or a folder that appears or vanishes, re-renders everything. A full render reads,
 * validates and renders on render threads (`render_files.ts`) while this thread keeps serving the
 * previous rendering, which is swapped for the new one only when it is complete.
 *
 * An event file that fails validation never replaces what is served: the feeds keep its last good
 * version, and the file is listed in {@link FeedCache.status} until it is fixed or removed. A
 * re-render of a whole feed reads every file again, so an invalid file's last good version leaves that
 * feed then (it cannot be rendered for a new definition without its content): kura never serves a
 * rendering made under rules that no longer hold. A broken definition is reported and its feed is not
 * served; the other feeds are unaffected.
 */
import { describeAudience } from "../access/mod.ts";
import type { FeedDefinition } from "../feed/mod.ts";
import type { Issue } from "../model/mod.ts";
import {
  type FeedDefinitionFile,
  loadFeedDefinition,
  loadFeedDefinitions,
  loadRecordRegistry,
  type RecordRegistry,
  uuidOfFileName,
} from "../store/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import { applyRenders } from "./apply_renders.ts";
import {
  type CacheStatus,
  emptyPass,
  type FeedStatus,
  type InvalidFile,
  type RenderPass,
  type RenderReport,
} from "./cache_status.ts";
import { changeKindOf } from "./change_kind.ts";
import { buildChecks, type CheckSource } from "./check_source.ts";
import type { FeedArtefact } from "./feed_artefact.ts";
import { PublishedFeed } from "./published_feed.ts";
import { type FileResult, renderFile, type RenderSettings } from "./render_file.ts";
import { renderFiles } from "./render_files.ts";
import { eventFilePaths, exists } from "./event_file_paths.ts";

/** Options of {@link FeedCache.open}. */
export interface FeedCacheOptions {
  /** The data folder (absolute). */
  readonly data: string;
  /** The feed definitions folder (absolute). */
  readonly feeds: string;
  /** uuid of this instance's organisation (`config.org`). */
  readonly hostOrg?: string;
  /** Largest event file read, in bytes (default 64 MiB). */
  readonly maxEventBytes?: number;
  /** Where the extra event checks come from, as `kura validate` runs them (default none). */
  readonly checks?: CheckSource;
  /** Clock (default: the system clock). */
  readonly now?: () => Date;
  /**
   * Render threads of a full render (default: one per core, at most four, when there are at least
   * 1,000 event files; else this thread only).
   */
  readonly threads?: number;
}

/** The served feeds, rendered and kept current. */
export class FeedCache {
  readonly #options: FeedCacheOptions;
  #checks: readonly EventCheck[] = [];
  #registry!: RecordRegistry;
  #definitions = new Map<string, FeedDefinitionFile>();
  #feeds = new Map<string, PublishedFeed>();
  #updatedAt = new Map<string, string>();
  #valid = new Set<string>();
  #invalid = new Map<string, InvalidFile>();
  #lastRender?: RenderReport;
  #queue: Promise<unknown> = Promise.resolve();
  #realData?: string;

  private constructor(options: FeedCacheOptions) {
    this.#options = {
      ...options,
      data: options.data.replace(/\/+$/, ""),
      feeds: options.feeds.replace(/\/+$/, ""),
    };
  }

  /** Renders every feed of the folders in `options`. */
  static async open(options: FeedCacheOptions): Promise<FeedCache> {
    const cache = new FeedCache(options);
    cache.#checks = await buildChecks(options.checks);
    await cache.rebuild();
    return cache;
  }

  /** The served feed `name`, or undefined (unknown, or its definition is broken). */
  feed(name: string): PublishedFeed | undefined {
    return this.#feeds.get(name);
  }

  /** Renders everything again from the folders. */
  rebuild(): Promise<RenderReport> {
    return this.#serialised(() => this.#timed("full", (pass) => this.#renderAll(pass)));
  }

  /** Brings the feeds up to date with changed paths (a watcher batch). */
  apply(paths: readonly string[]): Promise<RenderReport> {
    return this.#serialised(async () => {
      const events = new Set<string>();
      const feeds = new Map<string, string>();
      for (const path of paths) {
        const change = changeKindOf(path, this.#options);
        if (change.kind === "full") {
          return await this.#timed("full", (pass) => this.#renderAll(pass));
        }
        if (change.kind === "event") events.add(change.path);
        if (change.kind === "feed") feeds.set(change.name, change.path);
      }
      if (feeds.size > 0) {
        // Events changed in the same batch are read again by the feed pass for those feeds; the
        // other feeds still need them one by one.
        return await this.#timed("feeds", async (pass) => {
          await this.#renderFeeds(feeds, pass);
          for (const path of events) await this.#renderEvent(path, pass);
        });
      }
      if (events.size === 0) return this.#report("none", 0, emptyPass());
      return await this.#timed("events", async (pass) => {
        for (const path of events) await this.#renderEvent(path, pass);
      });
    });
  }

  /** The state of every feed and of the files that failed. */
  status(): CacheStatus {
    const feeds: FeedStatus[] = [];
    for (const file of this.#definitions.values()) {
      const served = this.#feeds.get(file.name);
      const definition = served?.definition ?? file.definition;
      feeds.push({
        name: file.name,
        served: served !== undefined,
        access: definition?.access,
        audience: definition && describeAudience(definition.audience),
        issues: file.issues,
        stats: served?.stats(),
        updatedAt: this.#updatedAt.get(file.name),
      });
    }
    const invalidFiles = [...this.#invalid.values()].map((invalid) => {
      const uuid = uuidOfFileName(invalid.file);
      const lastGoodIn = uuid === undefined
        ? []
        : [...this.#feeds.values()].filter((feed) => feed.has(uuid)).map((feed) => feed.name);
      return { ...invalid, lastGoodIn };
    });
    return {
      feeds,
      eventFiles: { valid: this.#valid.size, invalid: this.#invalid.size },
      invalidFiles,
      rejectedRecords: this.#registry.rejected,
      lastRender: this.#lastRender,
    };
  }

  /** Every file currently served by feed `name` (for exports and tests); none for an unknown feed. */
  *files(name: string): Generator<[string, FeedArtefact]> {
    const feed = this.#feeds.get(name);
    if (!feed) return;
    yield* feed.entries();
    yield ["manifest.json", feed.manifest()];
    yield ["hashes.csv", feed.hashes()];
  }

  async #renderAll(pass: RenderPass): Promise<void> {
    const registry = await loadRecordRegistry(this.#options.data, {
      hostOrg: this.#options.hostOrg,
      maxBytes: this.#options.maxEventBytes,
    });
    const files = await loadFeedDefinitions(this.#options.feeds, { context: registry });
    const feeds: PublishedFeed[] = [];
    for (const file of files) {
      if (file.definition) feeds.push(new PublishedFeed(file.definition));
      else pass.brokenFeeds.push(file);
    }
    this.#realData = await Deno.realPath(this.#options.data).catch(() => undefined);
    const valid = new Set<string>();
    const invalid = new Map<string, InvalidFile>();
    await this.#eachEventFile(feeds, registry, pass, (result) => {
      const issues = result.renders
        ? applyRenders(feeds, result.uuid!, result.renders)
        : result.issues;
      if (issues.length === 0) {
        valid.add(result.path);
        return;
      }
      const since = this.#invalid.get(result.path)?.since ?? pass.at;
      invalid.set(result.path, { file: result.path, issues, since });
    });
    for (const feed of feeds) {
      feed.commit();
      const before = this.#feeds.get(feed.name);
      if (!before || !sameContent(before, feed)) this.#changed(feed, pass);
    }
    for (const path of this.#invalid.keys()) if (!invalid.has(path)) pass.recovered.push(path);
    pass.invalid.push(...invalid.values());
    this.#registry = registry;
    this.#definitions = new Map(files.map((file) => [file.name, file]));
    this.#feeds = new Map(feeds.map((feed) => [feed.name, feed]));
    this.#valid = valid;
    this.#invalid = invalid;
  }

  async #renderFeeds(changed: ReadonlyMap<string, string>, pass: RenderPass): Promise<void> {
    const fresh: PublishedFeed[] = [];
    for (const [name, path] of changed) {
      const file = await loadFeedDefinition(path, { context: this.#registry });
      if (!(await exists(path))) this.#definitions.delete(name);
      else {
        this.#definitions.set(name, file);
        if (file.definition) fresh.push(new PublishedFeed(file.definition));
        else pass.brokenFeeds.push(file);
      }
      if (!file.definition && this.#feeds.delete(name)) this.#changed({ name }, pass);
    }
    if (fresh.length === 0) return;
    const recovered: string[] = [];
    await this.#eachEventFile(fresh, this.#registry, pass, (result) => {
      if (!result.renders) {
        // Newly found invalid (the watcher missed it): the other feeds keep their version.
        if (!this.#invalid.has(result.path)) this.#markInvalid(result.path, result.issues, pass);
        return;
      }
      const failures = applyRenders(fresh, result.uuid!, result.renders);
      if (failures.length > 0) this.#markInvalid(result.path, failures, pass);
      else if (this.#invalid.has(result.path)) recovered.push(result.path);
    });
    for (const feed of fresh) {
      feed.commit();
      this.#feeds.set(feed.name, feed);
      this.#changed(feed, pass);
    }
    // A file fixed without the watcher noticing: every other feed gets its new version too.
    for (const path of recovered) await this.#renderEvent(path, pass);
  }

  async #renderEvent(path: string, pass: RenderPass): Promise<void> {
    const feeds = [...this.#feeds.values()];
    const result = await renderFile(path, this.#settings(feeds, this.#registry), this.#checks);
    pass.filesRead++;
    if (result.missing) {
      if (result.uuid !== undefined) {
        for (const feed of feeds) if (feed.remove(result.uuid)) this.#changed(feed, pass);
      }
      this.#valid.delete(path);
      if (this.#invalid.delete(path)) pass.recovered.push(path);
      return;
    }
    if (!result.renders) {
      this.#markInvalid(path, result.issues, pass);
      return;
    }
    const before = feeds.map((feed) => feed.event(result.uuid!));
    const failures = applyRenders(feeds, result.uuid!, result.renders);
    feeds.forEach((feed, index) => {
      if (feed.event(result.uuid!) !== before[index]) this.#changed(feed, pass);
    });
    if (failures.length > 0) {
      this.#markInvalid(path, failures, pass);
      return;
    }
    this.#valid.add(path);
    if (this.#invalid.delete(path)) pass.recovered.push(path);
  }

  #markInvalid(path: string, issues: readonly Issue[], pass: RenderPass): void {
    const known = this.#invalid.get(path);
    const invalid = { file: path, issues, since: known?.since ?? pass.at };
    this.#invalid.set(path, invalid);
    this.#valid.delete(path);
    pass.invalid.push(invalid);
  }

  #changed(feed: { readonly name: string }, pass: RenderPass): void {
    if (!pass.changedFeeds.includes(feed.name)) pass.changedFeeds.push(feed.name);
    this.#updatedAt.set(feed.name, pass.at);
  }

  /** Reads, validates and renders every event file for `feeds`, calling `visit` for each. */
  async #eachEventFile(
    feeds: readonly PublishedFeed[],
    registry: RecordRegistry,
    pass: RenderPass,
    visit: (result: FileResult) => void,
  ): Promise<void> {
    const paths = await eventFilePaths(`${this.#options.data}/events`);
    const cores = Math.min(navigator.hardwareConcurrency || 1, 4);
    const threads = this.#options.threads ?? (paths.length >= 1000 ? cores : 1);
    const results = renderFiles(paths, this.#settings(feeds, registry), {
      threads,
      checkSource: this.#options.checks,
      checks: this.#checks,
    });
    for await (const result of results) {
      pass.filesRead++;
      visit(result);
    }
  }

  #settings(feeds: readonly PublishedFeed[], registry: RecordRegistry): RenderSettings {
    return {
      definitions: feeds.map((feed) => feed.definition),
      context: { sharingGroups: registry.sharingGroups, hostOrg: registry.hostOrg },
      maxBytes: this.#options.maxEventBytes ?? 64 * 1024 * 1024,
      confineTo: this.#realData,
      now: Math.floor(this.#now().getTime() / 1000),
    };
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  async #timed(kind: RenderReport["kind"], work: (pass: RenderPass) => Promise<void>) {
    const pass = emptyPass(this.#now().toISOString());
    const started = performance.now();
    await work(pass);
    // Manifests and hashes are re-assembled once per pass, not once per changed event.
    for (const feed of this.#feeds.values()) feed.commit();
    return this.#report(kind, performance.now() - started, pass);
  }

  #report(kind: RenderReport["kind"], durationMs: number, pass: RenderPass): RenderReport {
    const report: RenderReport = { kind, durationMs, ...pass };
    if (kind !== "none") this.#lastRender = report;
    return report;
  }

  #serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => {});
    return run;
  }
}

function sameContent(a: PublishedFeed, b: PublishedFeed): boolean {
  return a.manifest().sha256 === b.manifest().sha256 && sameDefinition(a.definition, b.definition);
}

function sameDefinition(a: FeedDefinition, b: FeedDefinition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
