/**
 * @module
 * Loading the catalog from the library checkouts named in the configuration (one folder per
 * library): taxonomies, galaxies with their clusters, object templates and relationship types. A
 * library that is not configured falls back to the built-in set (taxonomies) or is left unchecked.
 * Files are read one at a time and nothing is cached between processes; a file that cannot be read or
 * parsed is skipped and reported through `onProblem` (`kura catalog check` says what is wrong).
 */
import {
  Catalog,
  clusterFromJson,
  type Galaxy,
  type GalaxyCluster,
  galaxyFromJson,
  type LibraryKind,
  type ObjectTemplate,
  type Relationship,
  relationshipsFromJson,
  type Taxonomy,
  taxonomyFromJson,
  templateFromJson,
} from "../catalog/mod.ts";
import type { LibraryPaths } from "../config/mod.ts";
import { ConfigError } from "../errors.ts";
import { detectLibraryKind, listLibraryFiles } from "./library_files.ts";

/** Options of {@link loadCatalog}. */
export interface LoadCatalogOptions {
  /** Told about each library file that was skipped, and why. */
  onProblem?: (file: string, message: string) => void;
}

/** Builds the catalog from the configured libraries; throws ConfigError for a wrong folder. */
export async function loadCatalog(
  libraries: LibraryPaths,
  options: LoadCatalogOptions = {},
): Promise<Catalog> {
  const problem = options.onProblem ?? (() => {});
  const [taxonomies, galaxy, objects] = await Promise.all([
    libraries.taxonomies === undefined
      ? undefined
      : loadTaxonomies(await checkout(libraries.taxonomies, "taxonomies"), problem),
    libraries.galaxy === undefined
      ? undefined
      : loadGalaxy(await checkout(libraries.galaxy, "galaxy"), problem),
    libraries.objects === undefined
      ? undefined
      : loadObjects(await checkout(libraries.objects, "objects"), problem),
  ]);
  return new Catalog({
    taxonomies,
    galaxies: galaxy?.galaxies,
    clusters: galaxy?.clusters,
    templates: objects?.templates,
    relationships: objects?.relationships,
  });
}

/** Checks that `root` is a checkout of the expected kind. */
async function checkout(root: string, kind: LibraryKind): Promise<string> {
  let found: LibraryKind | undefined;
  try {
    found = await detectLibraryKind(root);
  } catch (cause) {
    throw new ConfigError(
      `libraries.${kind}: cannot read folder "${root}": ${
        cause instanceof Deno.errors.NotFound ? "no such folder" : (cause as Error).message
      }`,
    );
  }
  if (found !== kind) {
    throw new ConfigError(
      `libraries.${kind}: "${root}" is ${
        found ? `a ${found} checkout` : "not a checkout of a MISP library"
      }, not misp-${kind === "galaxy" ? "galaxy" : kind}`,
    );
  }
  return root;
}

type Problem = (file: string, message: string) => void;

/**
 * Reads and parses each file and turns it into a record straight away, so only the compact record
 * is kept and the parsed tree of a large cluster file is garbage before the next file is read. Reads
 * are synchronous on purpose: at start-up there is nothing else to do, and one file at a time keeps
 * the resident memory of loading the 44 MB galaxy library well under 200 MB.
 */
function readRecords<T>(
  root: string,
  paths: readonly string[],
  problem: Problem,
  build: (json: unknown) => T | undefined,
): T[] {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const records: T[] = [];
  for (const path of paths) {
    const file = `${root}/${path}`;
    try {
      const record = build(JSON.parse(decoder.decode(Deno.readFileSync(file))));
      if (record !== undefined) records.push(record);
    } catch (cause) {
      problem(file, (cause as Error).message);
    }
  }
  return records;
}

async function loadTaxonomies(root: string, problem: Problem): Promise<Taxonomy[]> {
  const paths = (await listLibraryFiles(root, "taxonomies")).filter((path) =>
    path.endsWith("/machinetag.json")
  );
  return readRecords(root, paths, problem, taxonomyFromJson);
}

async function loadGalaxy(
  root: string,
  problem: Problem,
): Promise<{ galaxies: Galaxy[]; clusters: GalaxyCluster[] }> {
  const paths = await listLibraryFiles(root, "galaxy");
  const galaxies = paths.filter((path) => path.startsWith("galaxies/"));
  const clusters = paths.filter((path) => path.startsWith("clusters/"));
  return {
    galaxies: readRecords(root, galaxies, problem, galaxyFromJson),
    clusters: readRecords(root, clusters, problem, clusterFromJson),
  };
}

async function loadObjects(
  root: string,
  problem: Problem,
): Promise<{ templates: ObjectTemplate[]; relationships: Relationship[] }> {
  const paths = await listLibraryFiles(root, "objects");
  const templates = paths.filter((path) => path.startsWith("objects/"));
  const relationships = paths.filter((path) => path === "relationships/definition.json");
  return {
    templates: readRecords(root, templates, problem, templateFromJson),
    relationships: readRecords(root, relationships, problem, relationshipsFromJson).flat(),
  };
}
