/**
 * @module
 * Object templates and the relationship list (misp-objects `objects/<name>/definition.json` and
 * `relationships/definition.json`, misp-formats.md §3) as the catalog holds them. Relation names are
 * case-sensitive (`ais.MMSI`). Read leniently; `kura catalog check` reports what is malformed.
 */
import { arrayField, isJsonObject, numberField, stringField, stringsField } from "./json_shape.ts";

/** One relation of a template: what an object attribute with that `object_relation` must be. */
export interface TemplateRelation {
  readonly name: string;
  /** The attribute type (`misp-attribute`). */
  readonly type: string;
  /** The relation may appear more than once in one object. */
  readonly multiple: boolean;
  /** Categories allowed; undefined = any category the type allows. */
  readonly categories?: readonly string[];
  readonly description?: string;
}

/** An object template. */
export interface ObjectTemplate {
  readonly name: string;
  readonly uuid: string;
  readonly version: number;
  readonly metaCategory: string;
  readonly description: string;
  readonly relations: ReadonlyMap<string, TemplateRelation>;
  /** Every one of these relations must be present. */
  readonly required: readonly string[];
  /** At least one of these relations must be present. */
  readonly requiredOneOf: readonly string[];
}

/** One relationship type of `relationships/definition.json`. */
export interface Relationship {
  readonly name: string;
  readonly description?: string;
  readonly opposite?: string;
}

/** Builds a template from a parsed `definition.json`; undefined without a name. */
export function templateFromJson(json: unknown): ObjectTemplate | undefined {
  if (!isJsonObject(json)) return undefined;
  const name = stringField(json, "name");
  if (!name) return undefined;
  const relations = new Map<string, TemplateRelation>();
  const attributes = json.attributes;
  if (isJsonObject(attributes)) {
    for (const [relation, definition] of Object.entries(attributes)) {
      if (!isJsonObject(definition)) continue;
      const type = stringField(definition, "misp-attribute");
      if (type === undefined) continue;
      relations.set(relation, {
        name: relation,
        type,
        multiple: definition.multiple === true,
        categories: stringsField(definition, "categories"),
        description: stringField(definition, "description"),
      });
    }
  }
  return {
    name,
    uuid: stringField(json, "uuid") ?? "",
    version: numberField(json, "version") ?? 0,
    metaCategory: stringField(json, "meta-category") ?? "",
    description: stringField(json, "description") ?? "",
    relations,
    required: stringsField(json, "required") ?? [],
    requiredOneOf: stringsField(json, "requiredOneOf") ?? [],
  };
}

/** Reads the relationship types of a parsed `relationships/definition.json`. */
export function relationshipsFromJson(json: unknown): Relationship[] {
  if (!isJsonObject(json)) return [];
  const found: Relationship[] = [];
  for (const item of arrayField(json, "values") ?? []) {
    if (!isJsonObject(item)) continue;
    const name = stringField(item, "name");
    if (name === undefined) continue;
    found.push({
      name,
      description: stringField(item, "description"),
      opposite: stringField(item, "opposite"),
    });
  }
  return found;
}
