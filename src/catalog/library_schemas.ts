/**
 * @module
 * The JSON Schemas the MISP library repositories validate against in CI, restated as
 * {@link SchemaNode}s: `taxonomies:schema.json` and `schema_mapping.json`, `galaxy:schema_galaxies.json`,
 * `schema_clusters.json`, `schema_vocabularies.json` and `schema_misp.json`,
 * `objects:schema_objects.json` and `schema_relationships.json` (misp-formats.md §1.2, §2.1, §2.2,
 * §2.6, §3.1). They accept exactly what upstream accepts, including its gaps: a predicate or entry
 * without `value` and `related` items without `dest-uuid` pass here and are reported by the extra
 * rules instead.
 */
import type { SchemaNode } from "./json_schema_lite.ts";

const str: SchemaNode = { type: "string" };
const nonEmpty: SchemaNode = { type: "string", minLength: 1 };
const int: SchemaNode = { type: "integer" };
const num: SchemaNode = { type: "number" };
const bool: SchemaNode = { type: "boolean" };
const uniqueStrings: SchemaNode = { type: "array", uniqueItems: true, items: str };

/** `taxonomies:schema.json`. Its `"required": ["value"]` sits inside `properties`, so it is a no-op. */
export const TAXONOMY_SCHEMA: SchemaNode = {
  type: "object",
  additional: false,
  required: ["namespace", "description", "version", "predicates"],
  properties: {
    version: int,
    description: nonEmpty,
    expanded: nonEmpty,
    namespace: nonEmpty,
    uuid: nonEmpty,
    exclusive: bool,
    type: {
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: { type: "string", enum: ["org", "user", "attribute", "event"] },
    },
    refs: { type: "array", minItems: 1, uniqueItems: true, items: nonEmpty },
    predicates: {
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: {
        type: "object",
        additional: false,
        properties: {
          numerical_value: num,
          colour: nonEmpty,
          description: nonEmpty,
          expanded: nonEmpty,
          value: nonEmpty,
          exclusive: bool,
          uuid: nonEmpty,
        },
      },
    },
    values: {
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: {
        type: "object",
        additional: false,
        required: ["predicate"],
        properties: {
          predicate: nonEmpty,
          uuid: nonEmpty,
          entry: {
            type: "array",
            minItems: 1,
            uniqueItems: true,
            items: {
              type: "object",
              additional: false,
              properties: {
                numerical_value: num,
                expanded: nonEmpty,
                description: nonEmpty,
                colour: nonEmpty,
                value: nonEmpty,
                uuid: nonEmpty,
              },
            },
          },
        },
      },
    },
  },
};

/** `taxonomies:schema_mapping.json`, for `mapping/mapping.json`. */
export const MAPPING_SCHEMA: SchemaNode = {
  type: "object",
  additional: { type: "object", ifObject: true, properties: { values: uniqueStrings } },
};

/** The shape of `MANIFEST.json` as `taxonomies:tools/gen_manifest.py` writes it (no upstream schema). */
export const MANIFEST_SCHEMA: SchemaNode = {
  type: "object",
  required: ["taxonomies", "version"],
  properties: {
    description: str,
    license: str,
    path: str,
    url: str,
    version: str,
    taxonomies: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "description", "version"],
        properties: { name: str, description: str, version: int },
      },
    },
  },
};

/** `galaxy:schema_galaxies.json`. */
export const GALAXY_SCHEMA: SchemaNode = {
  type: "object",
  additional: false,
  required: ["description", "type", "version", "name", "uuid"],
  properties: {
    description: str,
    type: str,
    version: int,
    name: str,
    icon: str,
    uuid: str,
    namespace: str,
    kill_chain_order: { type: "object" },
  },
};

/** `galaxy:schema_clusters.json`. Its `related` keywords sit on the array, so only "items are objects" holds. */
export const CLUSTER_SCHEMA: SchemaNode = {
  type: "object",
  additional: false,
  required: [
    "description",
    "type",
    "version",
    "name",
    "uuid",
    "values",
    "authors",
    "source",
    "category",
  ],
  properties: {
    description: str,
    type: str,
    version: int,
    name: str,
    uuid: str,
    source: str,
    category: str,
    authors: uniqueStrings,
    values: {
      type: "array",
      uniqueItems: true,
      items: {
        type: "object",
        additional: false,
        required: ["value"],
        properties: {
          description: str,
          value: str,
          uuid: str,
          revoked: bool,
          related: { type: "array", items: { type: "object" } },
          meta: {
            type: "object",
            properties: {
              type: uniqueStrings,
              complexity: str,
              effectiveness: str,
              country: str,
              possible_issues: str,
              colour: str,
              motive: str,
              impact: str,
              refs: uniqueStrings,
              synonyms: uniqueStrings,
              status: str,
              date: str,
              encryption: str,
              extensions: uniqueStrings,
              ransomnotes: uniqueStrings,
              "official-refs": uniqueStrings,
            },
          },
        },
      },
    },
  },
};

/** `galaxy:schema_vocabularies.json`. */
export const VOCABULARY_SCHEMA: SchemaNode = {
  type: "object",
  additional: false,
  required: ["version", "description", "author", "uuid", "type", "values"],
  properties: {
    version: int,
    description: str,
    source: str,
    author: uniqueStrings,
    uuid: str,
    stix: str,
    type: str,
    values: {
      type: "array",
      uniqueItems: true,
      items: { type: "object", additional: false, properties: { description: str, value: str } },
    },
  },
};

/** `galaxy:schema_misp.json`. */
export const GALAXY_MISP_SCHEMA: SchemaNode = {
  type: "object",
  additional: false,
  required: [
    "elements_url",
    "default_predicate_value_in",
    "default_predicate_value",
    "cluster_url",
    "predicate_in",
  ],
  properties: {
    elements_url: str,
    default_predicate_value_in: str,
    default_predicate_value: str,
    cluster_url: str,
    predicate_in: str,
  },
};

/** The `meta-category` values `objects:schema_objects.json` allows at this snapshot. */
export const META_CATEGORIES: readonly string[] = [
  "file",
  "network",
  "financial",
  "marine",
  "transport",
  "misc",
  "mobile",
  "internal",
  "vulnerability",
  "climate",
  "iot",
  "health",
  "followthemoney",
  "detection",
];

/** The enumerations of `objects:schema_objects.json`, which change as MISP grows. */
export interface TemplateEnums {
  readonly types: readonly string[];
  readonly categories: readonly string[];
  readonly metaCategories: readonly string[];
}

/** `objects:schema_objects.json` with the given enumerations. */
export function templateSchema(enums: TemplateEnums): SchemaNode {
  return {
    type: "object",
    additional: false,
    required: ["attributes", "version", "description", "meta-category", "name", "uuid"],
    properties: {
      attributes: {
        type: "object",
        additional: {
          type: "object",
          additional: false,
          required: ["misp-attribute", "ui-priority", "description"],
          properties: {
            categories: {
              type: "array",
              uniqueItems: true,
              items: { type: "string", enum: enums.categories },
            },
            description: str,
            disable_correlation: bool,
            "misp-attribute": { type: "string", enum: enums.types },
            multiple: bool,
            recommended: bool,
            sane_default: uniqueStrings,
            to_ids: bool,
            "ui-priority": num,
            values_list: uniqueStrings,
          },
        },
      },
      description: str,
      "meta-category": { type: "string", enum: enums.metaCategories },
      name: str,
      required: uniqueStrings,
      requiredOneOf: uniqueStrings,
      uuid: str,
      version: int,
    },
  };
}

/** `objects:schema_relationships.json`. */
export const RELATIONSHIPS_SCHEMA: SchemaNode = {
  type: "object",
  additional: false,
  required: ["version", "values", "description", "uuid", "name"],
  properties: {
    version: int,
    description: str,
    uuid: str,
    name: str,
    values: {
      type: "array",
      uniqueItems: true,
      items: {
        type: "object",
        additional: false,
        required: ["name", "description", "format"],
        properties: { name: str, description: str, format: uniqueStrings, opposite: str },
      },
    },
  },
};
