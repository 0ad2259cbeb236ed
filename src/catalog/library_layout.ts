/**
 * @module
 * Where things are in the three MISP library repositories (misp-formats.md §1–3): which files a
 * checkout holds and what role each plays, so loading and `kura catalog check` agree on the layout.
 */

/** The three library repositories. */
export type LibraryKind = "taxonomies" | "galaxy" | "objects";

/** Every library kind, in the order they are reported. */
export const LIBRARY_KINDS: readonly LibraryKind[] = ["taxonomies", "galaxy", "objects"];

/** What one file of a checkout is. */
export type LibraryFileRole =
  | "taxonomy"
  | "manifest"
  | "mapping"
  | "schema"
  | "galaxy"
  | "cluster"
  | "vocabulary"
  | "galaxy-misp"
  | "template"
  | "relationships";

/** Top-level folders of misp-taxonomies that are not taxonomies. */
export const TAXONOMY_NON_FOLDERS: ReadonlySet<string> = new Set(["tools", "mapping", "docs"]);

/** The role of `path` (relative to the checkout, `/`-separated) in a `kind` checkout, if any. */
export function libraryFileRole(kind: LibraryKind, path: string): LibraryFileRole | undefined {
  const parts = path.split("/");
  if (!path.endsWith(".json") || parts.some((part) => part.startsWith("."))) return undefined;
  switch (kind) {
    case "taxonomies":
      if (parts.length === 1) {
        if (path === "MANIFEST.json") return "manifest";
        if (path === "schema.json" || path === "schema_mapping.json") return "schema";
        return undefined;
      }
      if (path === "mapping/mapping.json") return "mapping";
      if (parts.length === 2 && parts[1] === "machinetag.json") {
        return TAXONOMY_NON_FOLDERS.has(parts[0]!) ? undefined : "taxonomy";
      }
      return undefined;
    case "galaxy":
      if (parts.length === 1) return /^schema_[a-z]+\.json$/.test(path) ? "schema" : undefined;
      if (parts.length === 2 && parts[0] === "galaxies") return "galaxy";
      if (parts.length === 2 && parts[0] === "clusters") return "cluster";
      if (parts.length === 2 && parts[0] === "misp") return "galaxy-misp";
      if (parts.length === 3 && parts[0] === "vocabularies") return "vocabulary";
      return undefined;
    case "objects":
      if (parts.length === 1) {
        return path === "schema_objects.json" || path === "schema_relationships.json"
          ? "schema"
          : undefined;
      }
      if (path === "relationships/definition.json") return "relationships";
      if (parts.length === 3 && parts[0] === "objects" && parts[2] === "definition.json") {
        return "template";
      }
      return undefined;
  }
}

/**
 * Tells a checkout's kind from the names at its top level (folders end with `/`) and whether
 * `<folder>/machinetag.json` files exist; undefined when it is none of the three.
 */
export function libraryKindOf(
  topLevel: readonly string[],
  hasMachineTags: boolean,
): LibraryKind | undefined {
  const names = new Set(topLevel);
  if (names.has("galaxies/") || names.has("clusters/")) return "galaxy";
  if (names.has("objects/") || names.has("relationships/")) return "objects";
  if (names.has("MANIFEST.json") || hasMachineTags) return "taxonomies";
  return undefined;
}
