/**
 * @module
 * The feed routes: `GET`/`HEAD /feeds/<name>/manifest.json`, `/hashes.csv` and `/<uuid>.json`, the
 * layout MISP and kura peers poll (misp-behaviour.md §3.1). Feeds with access "token" need a bearer
 * token of scope `feed:<name>`, checked before anything about the feed's content is revealed; an
 * event that is not in the feed, whether it does not exist or the audience may not see it, is the
 * same 404.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { NotFoundError } from "../errors.ts";
import type { AppEnv } from "./app_env.ts";
import { artefactResponse } from "./artefact_response.ts";
import { authenticate, type TokenVerifier } from "./bearer_auth.ts";
import type { FeedSource } from "./feed_source.ts";
import { eventUuidOfFile, isFeedName } from "./path_rules.ts";
import { SECURITY_HEADERS } from "./security_headers.ts";

/** What the feed routes need. */
export interface FeedRouteDeps {
  readonly feeds: FeedSource;
  readonly tokens: TokenVerifier;
}

/** The feed routes, to mount on the app. */
export function feedRoutes(deps: FeedRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/feeds/:name/:file", async (c) => {
    const name = c.req.param("name");
    const file = c.req.param("file");
    c.set("route", routeOf(file));
    const feed = isFeedName(name) ? deps.feeds.feed(name) : undefined;
    if (!feed) throw new NotFoundError("No such feed");
    c.set("feed", name);
    const access = feed.definition.access;
    if (access !== "public") await authenticate(c, deps.tokens, `feed:${name}`);
    const uuid = eventUuidOfFile(file);
    const artefact = file === "manifest.json"
      ? feed.manifest()
      : file === "hashes.csv"
      ? feed.hashes()
      : uuid !== undefined
      ? feed.event(uuid)
      : undefined;
    if (!artefact) throw new NotFoundError("No such file in this feed");
    return await artefactResponse(c.req.raw, artefact, {
      cacheControl: access === "public" ? "public, no-cache" : "private, no-cache",
      headers: SECURITY_HEADERS,
    });
  });
  app.all("/feeds/:name/:file", (c) => {
    c.set("route", routeOf(c.req.param("file")));
    throw new HTTPException(405, {
      message: "Feeds are read with GET or HEAD",
      res: new Response(null, { headers: { Allow: "GET, HEAD" } }),
    });
  });
  return app;
}

function routeOf(file: string): string {
  if (file === "manifest.json") return "/feeds/{name}/manifest.json";
  if (file === "hashes.csv") return "/feeds/{name}/hashes.csv";
  return "/feeds/{name}/{uuid}.json";
}
