/**
 * @module
 * Which names in a feed URL are acceptable. Everything else is a 404 before any lookup: feeds are
 * served from memory by exact name, so `..`, encoded slashes or odd names can never reach a file.
 */
import { FEED_NAME } from "../feed/mod.ts";

const EVENT_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

/** Whether `name` can be a feed's name. */
export function isFeedName(name: string): boolean {
  return FEED_NAME.test(name);
}

/** The event uuid of a file name `<lower-case uuid>.json`, or undefined. */
export function eventUuidOfFile(file: string): string | undefined {
  return EVENT_FILE.exec(file)?.[1];
}
