/**
 * @module
 * The feeds as the daemon serves them: every served feed rendered in memory, then kept current from
 * changed paths. One changed event file re-renders that event only (its file, its hash lines, its
 * manifest line, in every feed); a changed definition re-renders that feed; a changed organisation
 * or sharing group, or a folder that appears or vanishes, re-renders everything.
 *
 * An event file that fails validation never replaces what is served: the feeds keep its last good
 * version, and the file is listed in {@link FeedCache.status} until it is fixed or removed. A
 * re-render of a whole feed reads every file again, so an invalid file's last good version leaves that
 * feed then (it cannot be rendered for a new definition without its content): kura never serves a
 * rendering made under rules that no longer hold. A broken definition is reported and its feed is not
 * served; the other feeds are unaffected.
 */
import { describeAudience } from "../access/mod.ts";
import { type FeedAccess, type FeedDefinition, renderFeedEvent } from "../feed/mod.ts";
import { error, type Issue, type MispEvent } from "../model/mod.ts";
import {
  type FeedDefinitionFile,
  loadFeedDefinition,
  loadFeedDefinitions,
  loadRecordRegistry,
  type RecordRegistry,
  uuidOfFileName,
} from "../store/mod.ts";
import type { EventCheck } from "../validate/mod.ts";
import { changeKindOf } from "./change_kind.ts";
import type { FeedArtefact } from "./feed_artefact.ts";
import { loadEventFile } from "./load_event_file.ts";
import { PublishedFeed, type PublishedFeedStats } from "./published_feed.ts";

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
  /** Extra event checks, as `kura validate` runs them (default none). */
  readonly checks?: readonly EventCheck[];
  /** Clock (default: the system clock). */
  readonly now?: () => Date;
  /** Event files read at the same time during a full render (default 8). */
  readonly concurrency?: number;
}

/** What one render pass did, for the log and the metrics. */
export interface RenderReport {
  /** `full`: everything read again; `feeds`: some feeds re-rendered; `events`: single events. */
  readonly kind: "full" | "feeds" | "events" | "none";
  readonly at: string;
  readonly durationMs: number;
  /** Event files read. */
  readonly filesRead: number;
  /** Feeds whose content changed. */
  readonly changedFeeds: readonly string[];
  /** Files found invalid in this pass. */
  readonly invalid: readonly InvalidFile[];
  /** Files valid again (or removed) after having been invalid. */
  readonly recovered: readonly string[];
  /** Feed definitions with an error in this pass (their feed is not served). */
  readonly brokenFeeds: readonly FeedDefinitionFile[];
}

/** An event file that failed validation (or rendering). */
export interface InvalidFile {
  /** Absolute path. */
  readonly file: string;
  readonly issues: readonly Issue[];
  /** When it was first found invalid (ISO-8601). */
  readonly since: string;
}

/** One feed in {@link CacheStatus}. */
export interface FeedStatus {
  readonly name: string;
  /** Whether the feed is served (its definition has no error). */
  readonly served: boolean;
  readonly access?: FeedAccess;
  readonly audience?: string;
  /** Problems of the definition (warnings when served, errors when not). */
  readonly issues: readonly Issue[];
  readonly stats?: PublishedFeedStats;
  /** When the feed's content last changed (ISO-8601). */
  readonly updatedAt?: string;
}

/** The state of the published feeds. */
export interface CacheStatus {
  readonly feeds: readonly FeedStatus[];
  /** Event files seen: valid ones and invalid ones. */
  readonly eventFiles: { readonly valid: number; readonly invalid: number };
  /** Invalid event files, with the feeds that still serve their last good version. */
  readonly invalidFiles: readonly (InvalidFile & { readonly lastGoodIn: readonly string[] })[];
  /** Organisation and sharing-group files that could not be used. */
  readonly rejectedRecords: RecordRegistry["rejected"];
  readonly lastRender?: RenderReport;
}

/** The served feeds, rendered and kept current. */
export class FeedCache {
  readonly #options: FeedCacheOptions;
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

  /** Every file currently served by feed `name` (for exports and tests), or undefined. */
  *files(name: string): Generator<[string, FeedArtefact]> {
    const feed = this.#feeds.get(name);
    if (!feed) return;
    yield* feed.entries();
    yield ["manifest.json", feed.manifest()];
    yield ["hashes.csv", feed.hashes()];
  }

  async #renderAll(pass: Pass): Promise<void> {
    const registry = await loadRecordRegistry(this.#options.data, {
      hostOrg: this.#options.hostOrg,
      maxBytes: this.#options.maxEventBytes,
    });
    const files = await loadFeedDefinitions(this.#options.feeds, { context: registry });
    const feeds = new Map<string, PublishedFeed>();
    for (const file of files) {
      if (file.definition) feeds.set(file.name, new PublishedFeed(file.definition));
      else pass.brokenFeeds.push(file);
    }
    this.#realData = await Deno.realPath(this.#options.data).catch(() => undefined);
    const valid = new Set<string>();
    const invalid = new Map<string, InvalidFile>();
    await this.#eachEventFile(pass, (path, event, issues) => {
      if (event) {
        const failures = renderInto([...feeds.values()], event, registry);
        if (failures.length === 0) {
          valid.add(path);
          return;
        }
        issues = failures;
      }
      const known = this.#invalid.get(path);
      invalid.set(path, { file: path, issues, since: known?.since ?? pass.at });
    });
    for (const feed of feeds.values()) {
      feed.commit();
      const before = this.#feeds.get(feed.name);
      if (!before || !sameContent(before, feed)) {
        pass.changedFeeds.push(feed.name);
        this.#updatedAt.set(feed.name, pass.at);
      }
    }
    for (const path of this.#invalid.keys()) if (!invalid.has(path)) pass.recovered.push(path);
    pass.invalid.push(...invalid.values());
    this.#registry = registry;
    this.#definitions = new Map(files.map((file) => [file.name, file]));
    this.#feeds = feeds;
    this.#valid = valid;
    this.#invalid = invalid;
  }

  async #renderFeeds(changed: ReadonlyMap<string, string>, pass: Pass): Promise<void> {
    const fresh = new Map<string, PublishedFeed>();
    for (const [name, path] of changed) {
      const file = await loadFeedDefinition(path, { context: this.#registry });
      if (!(await exists(path))) {
        this.#definitions.delete(name);
      } else {
        this.#definitions.set(name, file);
        if (file.definition) fresh.set(name, new PublishedFeed(file.definition));
        else pass.brokenFeeds.push(file);
      }
      if (!file.definition && this.#feeds.delete(name)) {
        pass.changedFeeds.push(name);
        this.#updatedAt.set(name, pass.at);
      }
    }
    if (fresh.size === 0) return;
    const recovered: [string, MispEvent][] = [];
    await this.#eachEventFile(pass, (path, event, issues) => {
      if (!event) {
        if (!this.#invalid.has(path)) {
          this.#invalid.set(path, { file: path, issues, since: pass.at });
          this.#valid.delete(path);
          pass.invalid.push(this.#invalid.get(path)!);
        }
        return;
      }
      const failures = renderInto([...fresh.values()], event, this.#registry);
      if (failures.length > 0) {
        this.#markInvalid(path, failures, pass);
      } else if (this.#invalid.has(path)) recovered.push([path, event]);
    });
    for (const feed of fresh.values()) {
      feed.commit();
      this.#feeds.set(feed.name, feed);
      pass.changedFeeds.push(feed.name);
      this.#updatedAt.set(feed.name, pass.at);
    }
    // A file fixed without the watcher noticing: every other feed gets its new version too.
    for (const [path, event] of recovered) this.#acceptEvent(path, event, pass);
  }

  async #renderEvent(path: string, pass: Pass): Promise<void> {
    const verdict = await loadEventFile(path, this.#loadOptions());
    pass.filesRead++;
    if (verdict.missing) {
      if (verdict.uuid !== undefined) {
        for (const feed of this.#feeds.values()) {
          if (feed.remove(verdict.uuid)) this.#changed(feed, pass);
        }
      }
      this.#valid.delete(path);
      if (this.#invalid.delete(path)) pass.recovered.push(path);
      return;
    }
    if (!verdict.event) {
      this.#markInvalid(path, verdict.issues, pass);
      return;
    }
    this.#acceptEvent(path, verdict.event, pass);
  }

  /** Puts a valid event into every feed (or takes it out of those it no longer belongs in). */
  #acceptEvent(path: string, event: MispEvent, pass: Pass): void {
    const feeds = [...this.#feeds.values()];
    const before = feeds.map((feed) => feed.event(event.uuid!));
    const failures = renderInto(feeds, event, this.#registry);
    feeds.forEach((feed, index) => {
      if (feed.event(event.uuid!) !== before[index]) this.#changed(feed, pass);
    });
    if (failures.length > 0) {
      this.#markInvalid(path, failures, pass);
      return;
    }
    this.#valid.add(path);
    if (this.#invalid.delete(path)) pass.recovered.push(path);
  }

  #markInvalid(path: string, issues: readonly Issue[], pass: Pass): void {
    const known = this.#invalid.get(path);
    const invalid = { file: path, issues, since: known?.since ?? pass.at };
    this.#invalid.set(path, invalid);
    this.#valid.delete(path);
    pass.invalid.push(invalid);
  }

  #changed(feed: PublishedFeed, pass: Pass): void {
    if (!pass.changedFeeds.includes(feed.name)) pass.changedFeeds.push(feed.name);
    this.#updatedAt.set(feed.name, pass.at);
  }

  /** Reads and validates every event file, `concurrency` at a time, calling `visit` for each. */
  async #eachEventFile(
    pass: Pass,
    visit: (path: string, event: MispEvent | undefined, issues: readonly Issue[]) => void,
  ): Promise<void> {
    const dir = `${this.#options.data}/events`;
    const paths = await eventFilePaths(dir);
    const options = this.#loadOptions();
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const verdict = await loadEventFile(path, options);
        pass.filesRead++;
        if (!verdict.missing) visit(path, verdict.event, verdict.issues);
      }
    };
    const workers = Math.max(1, this.#options.concurrency ?? 8);
    await Promise.all(Array.from({ length: workers }, worker));
  }

  #loadOptions() {
    return {
      maxBytes: this.#options.maxEventBytes ?? 64 * 1024 * 1024,
      confineTo: this.#realData,
      checks: this.#options.checks,
      now: Math.floor(this.#now().getTime() / 1000),
    };
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  async #timed(kind: RenderReport["kind"], work: (pass: Pass) => Promise<void>) {
    const pass = emptyPass(this.#now().toISOString());
    const started = performance.now();
    await work(pass);
    // Manifests and hashes are re-assembled once per pass, not once per changed event.
    for (const feed of this.#feeds.values()) feed.commit();
    return this.#report(kind, performance.now() - started, pass);
  }

  #report(kind: RenderReport["kind"], durationMs: number, pass: Pass): RenderReport {
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

/** A render pass being recorded. */
interface Pass {
  at: string;
  filesRead: number;
  changedFeeds: string[];
  invalid: InvalidFile[];
  recovered: string[];
  brokenFeeds: FeedDefinitionFile[];
}

function emptyPass(at = new Date(0).toISOString()): Pass {
  return { at, filesRead: 0, changedFeeds: [], invalid: [], recovered: [], brokenFeeds: [] };
}

/**
 * Renders `event` into each feed (or removes it from those it does not belong in). A feed whose
 * renderer throws drops the event (fail closed); the failures are returned as issues.
 */
function renderInto(
  feeds: readonly PublishedFeed[],
  event: MispEvent,
  registry: RecordRegistry,
): Issue[] {
  const uuid = event.uuid!;
  const shared = new Map<string, FeedArtefact>();
  const failures: Issue[] = [];
  for (const feed of feeds) {
    let rendered;
    try {
      rendered = renderFeedEvent(event, feed.definition, registry);
    } catch (cause) {
      feed.remove(uuid);
      failures.push(
        error(
          "feed.render",
          "",
          `Rendering for feed "${feed.name}" failed: ${(cause as Error).message}; left out of it`,
        ),
      );
      continue;
    }
    if (rendered === undefined) {
      feed.remove(uuid);
      continue;
    }
    const sha256 = rendered.manifestEntry["integrity:sha256"];
    feed.put(rendered, shared.get(sha256));
    const file = feed.event(uuid);
    if (file) shared.set(sha256, file);
  }
  return failures;
}

function sameContent(a: PublishedFeed, b: PublishedFeed): boolean {
  return a.manifest().sha256 === b.manifest().sha256 && sameDefinition(a.definition, b.definition);
}

function sameDefinition(a: FeedDefinition, b: FeedDefinition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return false;
    throw cause;
  }
}

/** The `.json` files directly in `dir` (not hidden), sorted; none when it does not exist. */
async function eventFilePaths(dir: string): Promise<string[]> {
  const paths: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.name.startsWith(".") || !entry.name.endsWith(".json")) continue;
      if (entry.isFile || entry.isSymlink) paths.push(`${dir}/${entry.name}`);
    }
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return [];
    throw cause;
  }
  return paths.sort();
}
