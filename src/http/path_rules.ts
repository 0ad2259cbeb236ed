/**
 * @module
 * Which names in a feed URL are acceptable. Everything else is a 404 before any lookup: feeds are
 * served from memory by exact name, so `..`, encoded slashes or odd names can never reach a file.
 */
import { tryDecodeURIComponent } from "hono/utils/url";
import { FEED_NAME } from "../feed/mod.ts";

const EVENT_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
const FEED_FILE_PATH = /^\/feeds\/([^/]+)\/([^/]+)$/;

/** Whether `name` can be a feed's name. */
export function isFeedName(name: string): boolean {
  return FEED_NAME.test(name);
}

/** The event uuid of a file name `<lower-case uuid>.json`, or undefined. */
export function eventUuidOfFile(file: string): string | undefined {
  return EVENT_FILE.exec(file)?.[1];
}

/**
 * The feed name and file name of a routed path (as Hono's `getPath` gives it) of the form
 * `/feeds/<name>/<file>`, each decoded as Hono decodes route parameters; else undefined. These are
 * the paths Hono would route to `/feeds/:name/:file`, whatever the names are: checking them is the
 * feed route's job.
 */
export function feedFileOfPath(path: string): { name: string; file: string } | undefined {
  if (!path.startsWith("/feeds/")) return undefined;
  const match = FEED_FILE_PATH.exec(path);
  if (match === null) return undefined;
  return { name: tryDecodeURIComponent(match[1]!), file: tryDecodeURIComponent(match[2]!) };
}
