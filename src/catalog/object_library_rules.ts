/**
 * @module
 * What `kura catalog check` verifies in a misp-objects checkout beyond its schemas (misp-formats.md
 * §3.1–3.2): `required` and `requiredOneOf` name defined relations, every `misp-attribute` is a type
 * MISP knows and its `categories` allow it (describeTypes), template uuids well formed and unique
 * (upstream `unique_uuid.py`), the folder matches the name, `values_list` and `sane_default` are not
 * both given, relationship names unique and every `opposite` a relationship (upstream
 * `validate_opposites.sh`).
 */
import { childPath } from "../model/mod.ts";
import { isJsonObject } from "./json_shape.ts";
import { FindingSink } from "./library_finding.ts";
import { CATEGORIES } from "./attribute_types.ts";
import { ATTRIBUTE_TYPES, isAttributeType, isTypeAllowedInCategory } from "./type_catalog.ts";
import { META_CATEGORIES, type TemplateEnums } from "./library_schemas.ts";

/** Cross-file state of an objects checkout. */
export class ObjectLibraryRules {
  readonly #sink: FindingSink;
  readonly #uuids = new Map<string, string>();
  /** The enumerations of the checkout's own schema_objects.json, when read first. */
  enums: TemplateEnums = {
    types: ATTRIBUTE_TYPES,
    categories: CATEGORIES,
    metaCategories: META_CATEGORIES,
  };

  constructor(sink: FindingSink) {
    this.#sink = sink;
  }

  /** Takes the enumerations of `schema_objects.json`, so the schema check follows the checkout. */
  schema(json: unknown): void {
    const attribute = isJsonObject(json) && isJsonObject(json.defs)
      ? json.defs.attribute
      : undefined;
    const properties = isJsonObject(attribute) && isJsonObject(attribute.properties)
      ? attribute.properties
      : undefined;
    const top = isJsonObject(json) && isJsonObject(json.properties) ? json.properties : undefined;
    this.enums = {
      types: enumOf(properties?.["misp-attribute"]) ?? this.enums.types,
      categories:
        enumOf(isJsonObject(properties?.categories) ? properties.categories.items : undefined) ??
          this.enums.categories,
      metaCategories: enumOf(top?.["meta-category"]) ?? this.enums.metaCategories,
    };
  }

  /** Checks one `objects/<name>/definition.json`. */
  template(file: string, json: unknown): void {
    if (!isJsonObject(json)) return;
    const sink = this.#sink;
    const folder = file.split("/")[1];
    if (typeof json.name === "string" && json.name !== folder) {
      sink.warning(
        file,
        "template.name.folder",
        "name",
        `name "${json.name}" differs from its folder "${folder}"`,
      );
    }
    if (sink.uuid(file, "template.uuid.invalid", "uuid", json.uuid)) {
      const uuid = json.uuid.toLowerCase();
      const earlier = this.#uuids.get(uuid);
      if (earlier) {
        sink.error(
          file,
          "template.uuid.duplicate",
          "uuid",
          `uuid ${uuid} is already the uuid of ${earlier}`,
        );
      } else this.#uuids.set(uuid, file);
    }
    const attributes = isJsonObject(json.attributes) ? json.attributes : {};
    for (const key of ["required", "requiredOneOf"] as const) {
      const names = json[key];
      if (!Array.isArray(names)) continue;
      names.forEach((name, index) => {
        if (typeof name === "string" && !Object.hasOwn(attributes, name)) {
          sink.error(
            file,
            key === "required" ? "template.required.unknown" : "template.required-one-of.unknown",
            childPath(key, index),
            `"${name}" is not a relation of the template (attributes)`,
          );
        }
      });
    }
    for (const [relation, definition] of Object.entries(attributes)) {
      if (isJsonObject(definition)) {
        this.#relation(file, childPath("attributes", relation), definition);
      }
    }
  }

  /** Checks `relationships/definition.json`. */
  relationships(file: string, json: unknown): void {
    if (!isJsonObject(json) || !Array.isArray(json.values)) return;
    const sink = this.#sink;
    sink.uuid(file, "relationships.uuid.invalid", "uuid", json.uuid);
    const names = new Map<string, number>();
    json.values.forEach((item, index) => {
      if (!isJsonObject(item) || typeof item.name !== "string") return;
      const earlier = names.get(item.name);
      if (earlier !== undefined) {
        sink.error(
          file,
          "relationships.name.duplicate",
          childPath(childPath("values", index), "name"),
          `Relationship "${item.name}" is already values[${earlier}]`,
        );
      } else names.set(item.name, index);
    });
    json.values.forEach((item, index) => {
      if (!isJsonObject(item) || typeof item.opposite !== "string") return;
      if (!names.has(item.opposite)) {
        sink.error(
          file,
          "relationships.opposite.unknown",
          childPath(childPath("values", index), "opposite"),
          `opposite "${item.opposite}" is not a relationship of the list`,
        );
      }
    });
  }

  #relation(file: string, at: string, definition: Record<string, unknown>): void {
    const sink = this.#sink;
    const type = definition["misp-attribute"];
    if (typeof type !== "string") return;
    if (!isAttributeType(type)) {
      if (this.enums.types.includes(type)) {
        sink.error(
          file,
          "template.type.unknown",
          childPath(at, "misp-attribute"),
          `"${type}" is not a MISP attribute type (describeTypes), although the schema allows it`,
        );
      }
      return;
    }
    const categories = definition.categories;
    if (Array.isArray(categories)) {
      categories.forEach((category, index) => {
        if (typeof category !== "string" || !this.enums.categories.includes(category)) return;
        if (!isTypeAllowedInCategory(type, category)) {
          sink.warning(
            file,
            "template.category.type",
            childPath(childPath(at, "categories"), index),
            `MISP does not allow type "${type}" in category "${category}" (describeTypes), so such attributes are rejected`,
          );
        }
      });
    }
    if ("values_list" in definition && "sane_default" in definition) {
      sink.warning(
        file,
        "template.values-list.sane-default",
        at,
        "values_list (a closed list) and sane_default (suggestions) exclude each other",
      );
    }
  }
}

function enumOf(node: unknown): readonly string[] | undefined {
  if (!isJsonObject(node) || !Array.isArray(node.enum)) return undefined;
  return node.enum.every((item) => typeof item === "string") ? node.enum as string[] : undefined;
}
