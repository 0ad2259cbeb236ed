/**
 * @module
 * A data folder and a feeds folder in a temp dir, for tests of the published feeds and the daemon:
 * events written in canonical form, an organisation of this instance, feed definitions.
 */
import { formatEventDocument, type MispEvent } from "../../src/model/mod.ts";
import { tempDir, TEST_ORG } from "./sample_events.ts";

/** A feed anyone may read: published events of distribution "all". */
export const PUBLIC_FEED = { audience: "public", access: "public" };
/** A feed of everything this organisation has, for bearer-token holders. */
export const INTERNAL_FEED = { audience: "internal", access: "token" };

/** Temp `data/` and `feeds/` folders with helpers to change them. */
export interface FeedFolders extends AsyncDisposable {
  /** The temp dir (real path). */
  readonly root: string;
  readonly data: string;
  readonly feeds: string;
  /** Writes an event (canonical form) to `data/events/<uuid>.json`; returns the path. */
  writeEvent(event: MispEvent): Promise<string>;
  /** Writes raw text as event file `name`; returns the path. */
  writeEventText(name: string, text: string): Promise<string>;
  /** Writes `feeds/<name>.json` from a value (or raw text); returns the path. */
  writeFeed(name: string, definition: unknown): Promise<string>;
  /** Path of a file below the root. */
  path(relative: string): string;
}

/** Creates the folders with this instance's organisation and the given feeds. */
export async function feedFolders(
  feeds: Record<string, unknown> = { public: PUBLIC_FEED },
): Promise<FeedFolders> {
  const dir = await tempDir();
  const root = await Deno.realPath(dir.path);
  const data = `${root}/data`;
  const feedsDir = `${root}/feeds`;
  await Deno.mkdir(`${data}/events`, { recursive: true });
  await Deno.mkdir(`${data}/orgs`, { recursive: true });
  await Deno.mkdir(feedsDir, { recursive: true });
  await Deno.writeTextFile(
    `${data}/orgs/${TEST_ORG.uuid}.json`,
    JSON.stringify({ Organisation: { ...TEST_ORG, local: true } }, null, 2) + "\n",
  );
  const folders: FeedFolders = {
    root,
    data,
    feeds: feedsDir,
    async writeEvent(event) {
      const path = `${data}/events/${event.uuid}.json`;
      await Deno.writeTextFile(path, formatEventDocument(event));
      return path;
    },
    async writeEventText(name, text) {
      const path = `${data}/events/${name}`;
      await Deno.writeTextFile(path, text);
      return path;
    },
    async writeFeed(name, definition) {
      const path = `${feedsDir}/${name}.json`;
      const text = typeof definition === "string" ? definition : JSON.stringify(definition);
      await Deno.writeTextFile(path, text);
      return path;
    },
    path: (relative) => `${root}/${relative}`,
    [Symbol.asyncDispose]: () => dir[Symbol.asyncDispose](),
  };
  for (const [name, definition] of Object.entries(feeds)) await folders.writeFeed(name, definition);
  return folders;
}

/** The text of an artefact. */
export function textOf(artefact: { readonly parts: readonly Uint8Array[] } | undefined): string {
  if (artefact === undefined) return "<none>";
  const decoder = new TextDecoder();
  return artefact.parts.map((part) => decoder.decode(part)).join("");
}
