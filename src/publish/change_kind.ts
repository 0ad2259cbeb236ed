/**
 * @module
 * What a changed path means for the published feeds: one event file, one feed definition, the
 * organisations and sharing groups every feed depends on (a full render), or nothing.
 */

/** The effect of one changed path. */
export type ChangeKind =
  | { readonly kind: "event"; readonly path: string }
  | { readonly kind: "feed"; readonly name: string; readonly path: string }
  | { readonly kind: "full" }
  | { readonly kind: "none" };

/** The folders the feeds are made from (absolute, without trailing slash). */
export interface SourceFolders {
  readonly data: string;
  readonly feeds: string;
}

/** Classifies `path` (absolute) as a change of an event, a feed definition, everything, or nothing. */
export function changeKindOf(path: string, folders: SourceFolders): ChangeKind {
  const { data, feeds } = folders;
  const clean = path.replace(/\/+$/, "");
  // A folder the feeds depend on (or one above it) appeared, vanished or was renamed.
  const roots = [data, `${data}/events`, `${data}/orgs`, `${data}/sharing-groups`, feeds];
  if (roots.some((root) => root === clean || root.startsWith(`${clean}/`))) return { kind: "full" };
  const inEvents = below(clean, `${data}/events`);
  if (inEvents !== undefined) {
    return !inEvents.includes("/") && inEvents.endsWith(".json")
      ? { kind: "event", path: clean }
      : { kind: "none" };
  }
  if (below(clean, `${data}/orgs`) !== undefined) return { kind: "full" };
  if (below(clean, `${data}/sharing-groups`) !== undefined) return { kind: "full" };
  const inFeeds = below(clean, feeds);
  if (inFeeds !== undefined && !inFeeds.includes("/") && inFeeds.endsWith(".json")) {
    return { kind: "feed", name: inFeeds.slice(0, -".json".length), path: clean };
  }
  return { kind: "none" };
}

/** The part of `path` below `folder`, or undefined when it is not below it. */
function below(path: string, folder: string): string | undefined {
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
}
