/**
 * @module
 * A taxonomy (misp-taxonomies `<namespace>/machinetag.json`, misp-formats.md §1) as the catalog holds
 * it: namespace, predicates and their value entries, exclusivity. Read leniently from JSON: pieces
 * with the wrong shape are left out here and reported by `kura catalog check` instead.
 */
import {
  arrayField,
  isJsonObject,
  type JsonObject,
  numberField,
  stringField,
} from "./json_shape.ts";

/** One value of a predicate: the tag `namespace:predicate="value"`. */
export interface TaxonomyEntry {
  readonly value: string;
  readonly expanded?: string;
  readonly colour?: string;
  readonly numericalValue?: number;
  readonly uuid?: string;
}

/** One predicate: the tag `namespace:predicate` when it has no entries. */
export interface TaxonomyPredicate {
  readonly value: string;
  readonly expanded?: string;
  readonly colour?: string;
  readonly numericalValue?: number;
  readonly uuid?: string;
  /** At most one of its values may be attached to the same event or attribute. */
  readonly exclusive: boolean;
  /** Its values; undefined when the predicate itself is the tag. */
  readonly entries?: readonly TaxonomyEntry[];
}

/** A taxonomy. */
export interface Taxonomy {
  readonly namespace: string;
  readonly description: string;
  readonly version: number;
  readonly uuid?: string;
  readonly expanded?: string;
  /** At most one tag of the whole taxonomy may be attached to the same event or attribute. */
  readonly exclusive: boolean;
  readonly predicates: readonly TaxonomyPredicate[];
}

/** Builds a taxonomy from a parsed `machinetag.json`; undefined when it has no namespace. */
export function taxonomyFromJson(json: unknown): Taxonomy | undefined {
  if (!isJsonObject(json)) return undefined;
  const namespace = stringField(json, "namespace");
  if (!namespace) return undefined;
  const entriesOf = new Map<string, TaxonomyEntry[]>();
  for (const block of arrayField(json, "values") ?? []) {
    if (!isJsonObject(block)) continue;
    const predicate = stringField(block, "predicate");
    if (predicate === undefined) continue;
    const entries = entriesOf.get(predicate) ?? [];
    for (const entry of arrayField(block, "entry") ?? []) {
      if (!isJsonObject(entry)) continue;
      const value = stringField(entry, "value");
      if (value !== undefined) entries.push({ value, ...described(entry) });
    }
    entriesOf.set(predicate, entries);
  }
  const predicates: TaxonomyPredicate[] = [];
  for (const item of arrayField(json, "predicates") ?? []) {
    if (!isJsonObject(item)) continue;
    const value = stringField(item, "value");
    if (value === undefined) continue;
    predicates.push({
      value,
      ...described(item),
      exclusive: item.exclusive === true,
      entries: entriesOf.get(value),
    });
  }
  return {
    namespace,
    description: stringField(json, "description") ?? "",
    version: numberField(json, "version") ?? 0,
    uuid: stringField(json, "uuid"),
    expanded: stringField(json, "expanded"),
    exclusive: json.exclusive === true,
    predicates,
  };
}

function described(item: JsonObject) {
  return {
    expanded: stringField(item, "expanded"),
    colour: stringField(item, "colour"),
    numericalValue: numberField(item, "numerical_value"),
    uuid: stringField(item, "uuid"),
  };
}
