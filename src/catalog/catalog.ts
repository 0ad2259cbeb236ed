/**
 * @module
 * The catalog: taxonomies, galaxies, object templates and relationship types, indexed for hash
 * lookups. Built once from records (read from files by `store/`, or the built-in set) and then only
 * read, so one catalog can serve many validations.
 */
import { BUILTIN_TAXONOMIES } from "./builtin_taxonomies.ts";
import type { ClusterValue, Galaxy, GalaxyCluster } from "./galaxy.ts";
import { isGalaxyTag, parseGalaxyTag } from "./galaxy_tag.ts";
import { formatMachineTag, parseMachineTag } from "./machine_tag.ts";
import type { ObjectTemplate, Relationship } from "./object_template.ts";
import type { Taxonomy, TaxonomyEntry, TaxonomyPredicate } from "./taxonomy.ts";

/** The records a catalog is built from; an absent library is simply not checked against. */
export interface CatalogParts {
  /** Taxonomies; undefined = the built-in set (tlp, PAP). */
  readonly taxonomies?: readonly Taxonomy[];
  /** Galaxies; undefined = no galaxy library (galaxy tags are not checked). */
  readonly galaxies?: readonly Galaxy[];
  readonly clusters?: readonly GalaxyCluster[];
  /** Object templates; undefined = no objects library (objects are not checked). */
  readonly templates?: readonly ObjectTemplate[];
  readonly relationships?: readonly Relationship[];
}

/** What a tag name resolves to. */
export type TagResolution =
  | {
    readonly kind: "taxonomy";
    readonly taxonomy: Taxonomy;
    readonly predicate: TaxonomyPredicate;
    readonly entry?: TaxonomyEntry;
    /** The tag as the taxonomy spells it (differs from the input only in letter case). */
    readonly name: string;
  }
  | { readonly kind: "taxonomy-unknown"; readonly taxonomy: Taxonomy; readonly reason: string }
  | {
    readonly kind: "galaxy";
    readonly galaxy?: Galaxy;
    readonly cluster: GalaxyCluster;
    readonly value: ClusterValue;
    readonly name: string;
  }
  | { readonly kind: "galaxy-unknown"; readonly reason: string }
  /** A galaxy tag while no galaxy library is loaded. */
  | { readonly kind: "unchecked" }
  /** Not in a known namespace: a free-form tag such as `osint`. */
  | { readonly kind: "free-form" };

/** A template found for an object, and how. */
export interface TemplateMatch {
  readonly template: ObjectTemplate;
  readonly by: "uuid" | "name";
}

interface PredicateIndex {
  readonly predicate: TaxonomyPredicate;
  readonly entries?: ReadonlyMap<string, TaxonomyEntry>;
}

interface TaxonomyIndex {
  readonly taxonomy: Taxonomy;
  readonly predicates: ReadonlyMap<string, PredicateIndex>;
  /** Lower-cased tag name → canonical name, built on the first case-insensitive lookup. */
  lower?: Map<string, string>;
}

interface ClusterIndex {
  readonly cluster: GalaxyCluster;
  readonly values: ReadonlyMap<string, ClusterValue>;
  byUuid?: Map<string, ClusterValue>;
  lower?: Map<string, ClusterValue>;
}

/** The loaded reference data with hash lookups by tag name, template uuid and relationship name. */
export class Catalog {
  readonly taxonomies: readonly Taxonomy[];
  readonly galaxies: readonly Galaxy[];
  readonly clusters: readonly GalaxyCluster[];
  readonly templates: readonly ObjectTemplate[];
  readonly relationships: readonly Relationship[];
  /** Whether a galaxy library is loaded (galaxy tags are checked). */
  readonly hasGalaxies: boolean;
  /** Whether an objects library is loaded (objects are checked against templates). */
  readonly hasTemplates: boolean;
  /** Whether a relationship list is loaded (reference types are checked). */
  readonly hasRelationships: boolean;
  readonly #taxonomies = new Map<string, TaxonomyIndex>();
  readonly #taxonomiesLower = new Map<string, TaxonomyIndex>();
  readonly #galaxies = new Map<string, Galaxy>();
  readonly #clusters = new Map<string, ClusterIndex>();
  readonly #clustersLower = new Map<string, ClusterIndex>();
  readonly #templatesByUuid = new Map<string, ObjectTemplate>();
  readonly #templatesByName = new Map<string, ObjectTemplate>();
  readonly #relationships = new Map<string, Relationship>();

  /** Indexes `parts`; later duplicates of a namespace, type, uuid or name lose to earlier ones. */
  constructor(parts: CatalogParts = {}) {
    this.taxonomies = parts.taxonomies ?? BUILTIN_TAXONOMIES;
    this.galaxies = parts.galaxies ?? [];
    this.clusters = parts.clusters ?? [];
    this.templates = parts.templates ?? [];
    this.relationships = parts.relationships ?? [];
    this.hasGalaxies = parts.galaxies !== undefined || parts.clusters !== undefined;
    this.hasTemplates = parts.templates !== undefined;
    this.hasRelationships = parts.relationships !== undefined;
    for (const taxonomy of this.taxonomies) this.#indexTaxonomy(taxonomy);
    for (const galaxy of this.galaxies) {
      if (!this.#galaxies.has(galaxy.type)) this.#galaxies.set(galaxy.type, galaxy);
    }
    for (const cluster of this.clusters) {
      if (this.#clusters.has(cluster.type)) continue;
      const values = new Map<string, ClusterValue>();
      for (const value of cluster.values) {
        if (!values.has(value.value)) values.set(value.value, value);
      }
      const index: ClusterIndex = { cluster, values };
      this.#clusters.set(cluster.type, index);
      const lower = cluster.type.toLowerCase();
      if (!this.#clustersLower.has(lower)) this.#clustersLower.set(lower, index);
    }
    for (const template of this.templates) {
      const uuid = template.uuid.toLowerCase();
      if (uuid && !this.#templatesByUuid.has(uuid)) this.#templatesByUuid.set(uuid, template);
      if (!this.#templatesByName.has(template.name)) {
        this.#templatesByName.set(template.name, template);
      }
    }
    for (const relationship of this.relationships) {
      if (!this.#relationships.has(relationship.name)) {
        this.#relationships.set(relationship.name, relationship);
      }
    }
  }

  /** The taxonomy of a namespace, exact spelling. */
  taxonomy(namespace: string): Taxonomy | undefined {
    return this.#taxonomies.get(namespace)?.taxonomy;
  }

  /** The galaxy of a type. */
  galaxy(type: string): Galaxy | undefined {
    return this.#galaxies.get(type);
  }

  /** The cluster values of a galaxy type, when its cluster file is loaded. */
  cluster(type: string): GalaxyCluster | undefined {
    return this.#clusters.get(type)?.cluster;
  }

  /** The template for an object: by `template_uuid` first, then by `name`. */
  template(uuid: string | undefined, name: string | undefined): TemplateMatch | undefined {
    const byUuid = uuid ? this.#templatesByUuid.get(uuid.toLowerCase()) : undefined;
    if (byUuid) return { template: byUuid, by: "uuid" };
    const byName = name === undefined ? undefined : this.#templatesByName.get(name);
    return byName ? { template: byName, by: "name" } : undefined;
  }

  /** The relationship type of that exact name. */
  relationship(name: string): Relationship | undefined {
    return this.#relationships.get(name);
  }

  /** Resolves a tag name: a taxonomy tag, a galaxy cluster, an unknown one, or a free-form tag. */
  resolveTag(name: string): TagResolution {
    if (isGalaxyTag(name)) return this.#resolveGalaxyTag(name);
    const tag = parseMachineTag(name);
    if (!tag) return { kind: "free-form" };
    const exact = this.#taxonomies.get(tag.namespace);
    const index = exact ?? this.#taxonomiesLower.get(tag.namespace.toLowerCase());
    if (!index) return { kind: "free-form" };
    const taxonomy = index.taxonomy;
    const predicate = exact?.predicates.get(tag.predicate);
    if (predicate) {
      if (tag.value === undefined) {
        if (!predicate.entries) {
          return { kind: "taxonomy", taxonomy, predicate: predicate.predicate, name };
        }
        return this.#caseInsensitive(index, name) ?? {
          kind: "taxonomy-unknown",
          taxonomy,
          reason: `predicate "${tag.predicate}" needs a value, e.g. ${
            formatMachineTag({ ...tag, value: predicate.entries.keys().next().value ?? "" })
          }`,
        };
      }
      const entry = predicate.entries?.get(tag.value);
      if (entry) {
        return { kind: "taxonomy", taxonomy, predicate: predicate.predicate, entry, name };
      }
      return this.#caseInsensitive(index, name) ?? {
        kind: "taxonomy-unknown",
        taxonomy,
        reason: predicate.entries
          ? `"${tag.value}" is not a value of ${tag.namespace}:${tag.predicate}`
          : `predicate "${tag.predicate}" takes no value`,
      };
    }
    return this.#caseInsensitive(index, name) ?? {
      kind: "taxonomy-unknown",
      taxonomy,
      reason: `"${tag.predicate}" is not a predicate of taxonomy "${taxonomy.namespace}"`,
    };
  }

  #indexTaxonomy(taxonomy: Taxonomy): void {
    if (this.#taxonomies.has(taxonomy.namespace)) return;
    const predicates = new Map<string, PredicateIndex>();
    for (const predicate of taxonomy.predicates) {
      if (predicates.has(predicate.value)) continue;
      let entries: Map<string, TaxonomyEntry> | undefined;
      if (predicate.entries) {
        entries = new Map();
        for (const entry of predicate.entries) {
          if (!entries.has(entry.value)) entries.set(entry.value, entry);
        }
      }
      predicates.set(predicate.value, { predicate, entries });
    }
    const index: TaxonomyIndex = { taxonomy, predicates };
    this.#taxonomies.set(taxonomy.namespace, index);
    const lower = taxonomy.namespace.toLowerCase();
    if (!this.#taxonomiesLower.has(lower)) this.#taxonomiesLower.set(lower, index);
  }

  /** MISP looks tags up case-insensitively; a match that differs only in case still resolves. */
  #caseInsensitive(index: TaxonomyIndex, name: string): TagResolution | undefined {
    if (!index.lower) {
      index.lower = new Map();
      const namespace = index.taxonomy.namespace;
      for (const { predicate, entries } of index.predicates.values()) {
        const tags = entries
          ? [...entries.keys()].map((value) =>
            formatMachineTag({ namespace, predicate: predicate.value, value })
          )
          : [formatMachineTag({ namespace, predicate: predicate.value })];
        for (const tag of tags) {
          const key = tag.toLowerCase();
          if (!index.lower.has(key)) index.lower.set(key, tag);
        }
      }
    }
    const canonical = index.lower.get(name.toLowerCase());
    if (canonical === undefined) return undefined;
    const tag = parseMachineTag(canonical)!;
    const predicate = index.predicates.get(tag.predicate)!;
    const entry = tag.value === undefined ? undefined : predicate.entries?.get(tag.value);
    return {
      kind: "taxonomy",
      taxonomy: index.taxonomy,
      predicate: predicate.predicate,
      entry,
      name: canonical,
    };
  }

  #resolveGalaxyTag(name: string): TagResolution {
    if (!this.hasGalaxies) return { kind: "unchecked" };
    const tag = parseGalaxyTag(name);
    if (!tag) {
      return {
        kind: "galaxy-unknown",
        reason: `"${name}" is not of the form misp-galaxy:<type>="<value>"`,
      };
    }
    const index = this.#clusters.get(tag.type) ??
      this.#clustersLower.get(tag.type.toLowerCase());
    const galaxy = this.#galaxies.get(index?.cluster.type ?? tag.type);
    if (!index) {
      return {
        kind: "galaxy-unknown",
        reason: galaxy
          ? `the cluster values of galaxy "${tag.type}" are not loaded (no cluster file)`
          : `there is no galaxy of type "${tag.type}"`,
      };
    }
    const found = index.values.get(tag.value) ?? this.#byUuid(index, tag.value) ??
      this.#lowerValue(index, tag.value);
    if (!found) {
      return {
        kind: "galaxy-unknown",
        reason: `"${tag.value}" is not a value of galaxy "${index.cluster.type}"`,
      };
    }
    const canonical = `misp-galaxy:${index.cluster.type}="${found.value}"`;
    return {
      kind: "galaxy",
      galaxy,
      cluster: index.cluster,
      value: found,
      name: found.uuid?.toLowerCase() === tag.value.toLowerCase() ? name : canonical,
    };
  }

  /** Custom clusters are tagged `misp-galaxy:<type>="<cluster uuid>"` (misp-behaviour.md §8). */
  #byUuid(index: ClusterIndex, value: string): ClusterValue | undefined {
    if (value.length !== 36) return undefined;
    if (!index.byUuid) {
      index.byUuid = new Map();
      for (const item of index.cluster.values) {
        if (item.uuid) index.byUuid.set(item.uuid.toLowerCase(), item);
      }
    }
    return index.byUuid.get(value.toLowerCase());
  }

  #lowerValue(index: ClusterIndex, value: string): ClusterValue | undefined {
    if (!index.lower) {
      index.lower = new Map();
      for (const item of index.cluster.values) {
        const key = item.value.toLowerCase();
        if (!index.lower.has(key)) index.lower.set(key, item);
      }
    }
    return index.lower.get(value.toLowerCase());
  }
}
