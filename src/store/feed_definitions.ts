/**
 * @module
 * Loading the feed definitions of a feeds folder (`feeds/<name>.json`). A broken file is reported
 * with its issues and its feed is not served; the others load as usual. With this instance's
 * records, definitions are also checked against them (an unknown audience sharing group is an error).
 */
import { checkFeedDefinition, type FeedCheckContext, type FeedDefinition } from "../feed/mod.ts";
import { parseFeedDefinition } from "../feed/mod.ts";
import type { Issue } from "../model/mod.ts";
import { readJsonFile } from "./read_json_file.ts";

/** One definition file and its verdict. */
export interface FeedDefinitionFile {
  /** The feed's name: the file stem. */
  readonly name: string;
  readonly path: string;
  /** The definition when it may be served (no error); undefined otherwise. */
  readonly definition?: FeedDefinition;
  readonly issues: readonly Issue[];
}

/** Options of {@link loadFeedDefinitions} and {@link loadFeedDefinition}. */
export interface FeedDefinitionOptions {
  /** Largest definition file read, in bytes (default 1 MiB). */
  maxBytes?: number;
  /** This instance's records (a `RecordRegistry`); when given, definitions are checked against them. */
  context?: FeedCheckContext;
}

/**
 * Every `*.json` file of `feedsDir` (not hidden, not in subfolders), sorted by name, each with its
 * verdict. A missing folder has no feeds.
 */
export async function loadFeedDefinitions(
  feedsDir: string,
  options: FeedDefinitionOptions = {},
): Promise<FeedDefinitionFile[]> {
  const dir = feedsDir.replace(/\/+$/, "");
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.name.startsWith(".") || !entry.name.endsWith(".json")) continue;
      if (entry.isFile || entry.isSymlink) names.push(entry.name);
    }
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return [];
    throw cause;
  }
  names.sort();
  const files: FeedDefinitionFile[] = [];
  for (const name of names) files.push(await loadFeedDefinition(`${dir}/${name}`, options));
  return files;
}

/** Loads and checks one definition file; never throws for a bad file (a missing one included). */
export async function loadFeedDefinition(
  path: string,
  options: FeedDefinitionOptions = {},
): Promise<FeedDefinitionFile> {
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.json$/, "");
  const json = await readJsonFile(path, { maxBytes: options.maxBytes ?? 1024 * 1024 });
  if (json.value === undefined) return { name, path, issues: json.issues };
  const parsed = parseFeedDefinition(json.value, name);
  if (!parsed.definition || !options.context) {
    return { name, path, definition: parsed.definition, issues: parsed.issues };
  }
  const issues = [...parsed.issues, ...checkFeedDefinition(parsed.definition, options.context)];
  const served = !issues.some((issue) => issue.severity === "error");
  return { name, path, definition: served ? parsed.definition : undefined, issues };
}

/** The definitions that may be served, by name. */
export function servedFeeds(files: readonly FeedDefinitionFile[]): Map<string, FeedDefinition> {
  const served = new Map<string, FeedDefinition>();
  for (const file of files) if (file.definition) served.set(file.name, file.definition);
  return served;
}
