/**
 * @module
 * What `kura catalog check` verifies in a misp-taxonomies checkout beyond `schema.json`
 * (misp-formats.md §1.2–1.3): predicate and entry `value` present (the schema's `required` is
 * misplaced), `values[].predicate` names a predicate (upstream `validate_all.py`), namespace equals
 * folder (PyTaxonomies), no duplicate predicates, blocks or values, `exclusive` used where it means
 * something, uuids well formed (and reused only knowingly), MANIFEST.json listing exactly the
 * taxonomies present with their current description and version, sorted as `gen_manifest.py` writes it.
 */
import { childPath } from "../model/mod.ts";
import { isJsonObject, type JsonObject } from "./json_shape.ts";
import { codePointOrder } from "./jq_format.ts";
import { FindingSink, type Location, where } from "./library_finding.ts";
import { TAXONOMY_NON_FOLDERS } from "./library_layout.ts";

interface Listed {
  readonly file: string;
  readonly description: unknown;
  readonly version: unknown;
}

/** Cross-file state of a taxonomies checkout. */
export class TaxonomyLibraryRules {
  readonly #sink: FindingSink;
  readonly #taxonomies = new Map<string, Listed>();
  readonly #uuids = new Map<string, Location>();
  #manifest?: { file: string; json: unknown };
  readonly #broken = new Set<string>();

  constructor(sink: FindingSink) {
    this.#sink = sink;
  }

  /** A file that could not be parsed still counts as present. */
  broken(file: string): void {
    this.#broken.add(file);
    if (file.endsWith("/machinetag.json")) {
      this.#taxonomies.set(file.split("/")[0]!, {
        file,
        description: undefined,
        version: undefined,
      });
    }
  }

  /** Checks one `<folder>/machinetag.json`. */
  taxonomy(file: string, json: unknown): void {
    const folder = file.split("/")[0]!;
    this.#taxonomies.set(folder, {
      file,
      description: isJsonObject(json) ? json.description : undefined,
      version: isJsonObject(json) ? json.version : undefined,
    });
    if (!isJsonObject(json)) return;
    const sink = this.#sink;
    const namespace = json.namespace;
    if (typeof namespace === "string" && namespace !== folder) {
      sink.error(
        file,
        "taxonomy.namespace.folder",
        "namespace",
        `namespace "${namespace}" differs from its folder "${folder}"; PyTaxonomies loads <namespace>/machinetag.json`,
      );
    }
    if (!("uuid" in json)) {
      sink.error(
        file,
        "taxonomy.uuid.missing",
        "",
        "The taxonomy has no uuid (required by the RFC and PyTaxonomies)",
      );
    }
    this.#uuid(file, "uuid", json.uuid);
    const exclusiveTaxonomy = json.exclusive === true;
    const predicates = Array.isArray(json.predicates) ? json.predicates : [];
    const blocks = Array.isArray(json.values) ? json.values : [];
    const withValues = new Set<string>();
    for (const block of blocks) {
      if (isJsonObject(block) && typeof block.predicate === "string") {
        withValues.add(block.predicate);
      }
    }
    const known = new Map<string, number>();
    predicates.forEach((predicate, index) => {
      if (!isJsonObject(predicate)) return;
      const at = childPath("predicates", index);
      this.#uuid(file, childPath(at, "uuid"), predicate.uuid);
      const value = predicate.value;
      if (!("value" in predicate)) {
        sink.error(
          file,
          "taxonomy.predicate.value-missing",
          at,
          "The predicate has no value (its tag name)",
        );
        return;
      }
      if (typeof value !== "string") return;
      const earlier = known.get(value);
      if (earlier !== undefined) {
        sink.error(
          file,
          "taxonomy.predicate.duplicate",
          childPath(at, "value"),
          `Predicate "${value}" is already defined at predicates[${earlier}]`,
        );
      } else known.set(value, index);
      if ("exclusive" in predicate) {
        this.#exclusive(file, at, predicate, { exclusiveTaxonomy, withValues });
      }
    });
    const blockOf = new Map<string, number>();
    blocks.forEach((block, index) => {
      if (!isJsonObject(block)) return;
      const at = childPath("values", index);
      this.#uuid(file, childPath(at, "uuid"), block.uuid);
      const predicate = block.predicate;
      if (typeof predicate !== "string") return;
      if (!known.has(predicate)) {
        sink.error(
          file,
          "taxonomy.values.unknown-predicate",
          childPath(at, "predicate"),
          `values are given for "${predicate}", which is not in predicates`,
        );
      }
      const earlier = blockOf.get(predicate);
      if (earlier !== undefined) {
        sink.error(
          file,
          "taxonomy.values.duplicate",
          childPath(at, "predicate"),
          `Predicate "${predicate}" already has its values at values[${earlier}]`,
        );
      } else blockOf.set(predicate, index);
      this.#entries(file, at, block);
    });
  }

  /** Keeps MANIFEST.json for the comparison at the end. */
  manifest(file: string, json: unknown): void {
    this.#manifest = { file, json };
  }

  /** Cross-file rules: MANIFEST.json against the taxonomies, folders without a taxonomy. */
  finish(topFolders: readonly string[]): void {
    const sink = this.#sink;
    for (const folder of topFolders) {
      if (TAXONOMY_NON_FOLDERS.has(folder) || this.#taxonomies.has(folder)) continue;
      sink.error(
        folder,
        "taxonomy.folder.empty",
        "",
        `Folder "${folder}" has no machinetag.json; upstream CI counts every folder as a taxonomy listed in MANIFEST.json`,
      );
    }
    const manifest = this.#manifest;
    if (!manifest) {
      if (this.#broken.has("MANIFEST.json")) return;
      sink.error("MANIFEST.json", "manifest.missing", "", "The checkout has no MANIFEST.json");
      return;
    }
    if (!isJsonObject(manifest.json) || !Array.isArray(manifest.json.taxonomies)) return;
    const listed = new Set<string>();
    let previous: string | undefined;
    let orderReported = false;
    manifest.json.taxonomies.forEach((item, index) => {
      if (!isJsonObject(item) || typeof item.name !== "string") return;
      const at = childPath("taxonomies", index);
      const name = item.name;
      listed.add(name);
      if (!orderReported && previous !== undefined && codePointOrder(previous, name) > 0) {
        orderReported = true;
        sink.error(
          manifest.file,
          "manifest.order",
          childPath(at, "name"),
          `"${name}" comes after "${previous}"; gen_manifest.py lists taxonomies sorted by folder`,
        );
      }
      previous = name;
      const taxonomy = this.#taxonomies.get(name);
      if (!taxonomy) {
        sink.error(
          manifest.file,
          "manifest.taxonomy.unknown",
          childPath(at, "name"),
          `MANIFEST.json lists "${name}", but there is no ${name}/machinetag.json`,
        );
        return;
      }
      if (taxonomy.description === undefined && taxonomy.version === undefined) return;
      if (item.description !== taxonomy.description || item.version !== taxonomy.version) {
        sink.error(
          manifest.file,
          "manifest.taxonomy.stale",
          at,
          `The entry of "${name}" does not match ${taxonomy.file} (description or version); regenerate MANIFEST.json`,
        );
      }
    });
    for (const [folder, taxonomy] of this.#taxonomies) {
      if (!listed.has(folder)) {
        sink.error(
          manifest.file,
          "manifest.taxonomy.missing",
          "taxonomies",
          `MANIFEST.json does not list "${folder}" (${taxonomy.file})`,
        );
      }
    }
  }

  #exclusive(
    file: string,
    at: string,
    predicate: JsonObject,
    context: { exclusiveTaxonomy: boolean; withValues: ReadonlySet<string> },
  ): void {
    const path = childPath(at, "exclusive");
    if (context.exclusiveTaxonomy) {
      this.#sink.warning(
        file,
        "taxonomy.exclusive.redundant",
        path,
        `The taxonomy is exclusive as a whole, so "exclusive" on predicate "${
          String(predicate.value)
        }" has no effect`,
      );
    } else if (!context.withValues.has(String(predicate.value))) {
      this.#sink.warning(
        file,
        "taxonomy.exclusive.no-values",
        path,
        `Predicate "${String(predicate.value)}" has no values, so "exclusive" on it has no effect`,
      );
    }
  }

  #entries(file: string, at: string, block: JsonObject): void {
    if (!Array.isArray(block.entry)) return;
    const seen = new Map<string, number>();
    block.entry.forEach((entry, index) => {
      if (!isJsonObject(entry)) return;
      const path = childPath(childPath(at, "entry"), index);
      this.#uuid(file, childPath(path, "uuid"), entry.uuid);
      if (!("value" in entry)) {
        this.#sink.error(
          file,
          "taxonomy.entry.value-missing",
          path,
          "The entry has no value (its tag value)",
        );
        return;
      }
      if (typeof entry.value !== "string") return;
      const earlier = seen.get(entry.value);
      if (earlier !== undefined) {
        this.#sink.error(
          file,
          "taxonomy.entry.duplicate",
          childPath(path, "value"),
          `Value "${entry.value}" is already an entry at ${
            childPath(childPath(at, "entry"), earlier)
          }`,
        );
      } else seen.set(entry.value, index);
    });
  }

  /** Taxonomy uuids must be well formed; a reused one is reported (upstream does not check it). */
  #uuid(file: string, path: string, value: unknown): void {
    if (!this.#sink.uuid(file, "taxonomy.uuid.invalid", path, value)) return;
    const key = (value as string).toLowerCase();
    const earlier = this.#uuids.get(key);
    if (earlier) {
      this.#sink.warning(
        file,
        "taxonomy.uuid.duplicate",
        path,
        `uuid ${key} is already used at ${where(earlier)}`,
      );
    } else this.#uuids.set(key, { file, path });
  }
}
