/**
 * @module
 * An app over real folders for HTTP tests: a public feed and a token feed rendered by a FeedCache,
 * a TokenStore in a temp state folder with one token per scope, and the log lines the app wrote.
 */
import type { ManifestSigner } from "../../src/feed/mod.ts";
import { createApp, MetricsRegistry } from "../../src/http/mod.ts";
import type { MispEvent } from "../../src/model/mod.ts";
import { FeedCache } from "../../src/publish/mod.ts";
import { TokenStore } from "../../src/store/mod.ts";
import { type FeedFolders, feedFolders, INTERNAL_FEED, PUBLIC_FEED } from "./feed_folders.ts";
import { sampleEvent, uuidN } from "./sample_events.ts";

/** An event every feed serves (distribution "all", published). */
export const SHARED_UUID = uuidN(1, "eeeeeeee");
/** An event only the internal feed serves (distribution "your organisation only"). */
export const INTERNAL_UUID = uuidN(2, "eeeeeeee");

/** The app and what it was built from. */
export interface HttpFixture extends AsyncDisposable {
  readonly app: ReturnType<typeof createApp>;
  readonly cache: FeedCache;
  readonly folders: FeedFolders;
  readonly metrics: MetricsRegistry;
  /** Tokens by scope: `internal` (feed:internal), `public` (feed:public), `admin`. */
  readonly tokens: { internal: string; public: string; admin: string };
  /** Log lines written so far, parsed. */
  readonly logs: Record<string, unknown>[];
  /** GET (or `init.method`) `path` with optional headers. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** Builds the fixture: feeds `public` and `internal` (plus `extraFeeds`), the two sample events. */
export async function httpFixture(
  extraFeeds: Record<string, unknown> = {},
  events: MispEvent[] = [
    sampleEvent({ uuid: SHARED_UUID }),
    sampleEvent({ uuid: INTERNAL_UUID, distribution: "0", info: "Internal only" }),
  ],
  options: { signer?: ManifestSigner } = {},
): Promise<HttpFixture> {
  const folders = await feedFolders({
    public: PUBLIC_FEED,
    internal: INTERNAL_FEED,
    ...extraFeeds,
  });
  for (const event of events) await folders.writeEvent(event);
  const cache = await FeedCache.open({ data: folders.data, feeds: folders.feeds });
  const store = new TokenStore(folders.path(".kura"));
  const tokens = {
    internal: (await store.add("feed:internal", "test")).token,
    public: (await store.add("feed:public", "test")).token,
    admin: (await store.add("admin", "test")).token,
  };
  const logs: Record<string, unknown>[] = [];
  const metrics = new MetricsRegistry();
  const app = createApp({
    feeds: cache,
    tokens: store,
    signer: options.signer,
    metrics,
    logger: (level, msg, fields) => logs.push({ level, msg, ...fields }),
    version: "test",
    displayPath: (path) => path.slice(folders.root.length + 1),
  });
  return {
    app,
    cache,
    folders,
    metrics,
    tokens,
    logs,
    request: (path, init) => Promise.resolve(app.request(path, init)),
    [Symbol.asyncDispose]: () => folders[Symbol.asyncDispose](),
  };
}

/** Headers with a bearer token. */
export function bearer(token: string, extra: Record<string, string> = {}): RequestInit {
  return { headers: { Authorization: `Bearer ${token}`, ...extra } };
}
