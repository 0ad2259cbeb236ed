/**
 * @module
 * Objects of an event checked against their templates (misp-behaviour.md §6, `checkTemplateConformity`
 * plus the type and category rules PyMISP applies), and object references against the event. The
 * template is found by `template_uuid`, else by `name`. When the object was made with another
 * version of the template than the one loaded, conformity findings are warnings: the loaded template
 * is not the one the object followed.
 */
import {
  type Attribute,
  childPath,
  error,
  type Issue,
  type MispEvent,
  type MispObject,
  warning,
} from "../model/mod.ts";
import type { Catalog } from "./catalog.ts";
import type { ObjectTemplate } from "./object_template.ts";

/** Options of {@link eventObjectCheck}. */
export interface ObjectCheckOptions {
  /**
   * The uuids (lower-case) of the attributes and objects of another event, for references into the
   * event this one extends; undefined when that event cannot be read.
   */
  readonly uuidsOfEvent?: (eventUuid: string) => ReadonlySet<string> | undefined;
}

type Level = typeof error;

/** Builds the object and reference check over whole events; issue paths are rooted at `Event`. */
export function eventObjectCheck(
  catalog: Catalog,
  options: ObjectCheckOptions = {},
): (event: MispEvent) => Issue[] {
  return (event) => {
    const issues: Issue[] = [];
    const kinds = uuidKinds(event);
    (event.Object ?? []).forEach((object, index) => {
      const at = `Event.Object[${index}]`;
      if (catalog.hasTemplates && object.deleted !== true) {
        checkTemplate(issues, at, object, catalog);
      }
      checkReferences(issues, at, object, { event, kinds, catalog, options });
    });
    return issues;
  };
}

/** Every attribute and object uuid of an event (lower-case) with its kind. */
export function uuidKinds(event: MispEvent): Map<string, "attribute" | "object"> {
  const kinds = new Map<string, "attribute" | "object">();
  for (const attribute of event.Attribute ?? []) {
    if (attribute.uuid) kinds.set(attribute.uuid.toLowerCase(), "attribute");
  }
  for (const object of event.Object ?? []) {
    if (object.uuid) kinds.set(object.uuid.toLowerCase(), "object");
    for (const attribute of object.Attribute ?? []) {
      if (attribute.uuid) kinds.set(attribute.uuid.toLowerCase(), "attribute");
    }
  }
  return kinds;
}

function checkTemplate(issues: Issue[], at: string, object: MispObject, catalog: Catalog): void {
  const match = catalog.template(object.template_uuid ?? undefined, object.name ?? undefined);
  if (!match) {
    issues.push(
      warning(
        "object.template.unknown",
        childPath(at, object.template_uuid ? "template_uuid" : "name"),
        `No object template with uuid "${object.template_uuid ?? ""}" or name "${
          object.name ?? ""
        }" is loaded; the object is not checked against a template`,
      ),
    );
    return;
  }
  const template = match.template;
  if (match.by === "uuid" && object.name && object.name !== template.name) {
    issues.push(
      warning(
        "object.template.name",
        childPath(at, "name"),
        `Object "${object.name}" uses the template of "${template.name}" (uuid ${template.uuid})`,
      ),
    );
  }
  if (match.by === "name" && object.template_uuid) {
    issues.push(
      warning(
        "object.template.uuid",
        childPath(at, "template_uuid"),
        `template_uuid "${object.template_uuid}" is not the uuid of template "${template.name}" (${template.uuid})`,
      ),
    );
  }
  let level: Level = error;
  let note = "";
  const version = object.template_version;
  if (version && /^\d+$/.test(version) && Number(version) !== template.version) {
    level = warning;
    note =
      ` (the object follows version ${version}, the loaded template is version ${template.version})`;
    issues.push(
      warning(
        "object.template.version",
        childPath(at, "template_version"),
        `Object "${template.name}" was made with template version ${version}; the loaded template is version ${template.version}, so differences are warnings`,
      ),
    );
  }
  checkConformity(issues, at, object, template, level, note);
}

function checkConformity(
  issues: Issue[],
  at: string,
  object: MispObject,
  template: ObjectTemplate,
  level: Level,
  note: string,
): void {
  const counts = new Map<string, number>();
  (object.Attribute ?? []).forEach((attribute, index) => {
    if (attribute.deleted === true) return;
    const relation = attribute.object_relation;
    if (typeof relation !== "string" || relation === "") return;
    const path = childPath(childPath(at, "Attribute"), index);
    const count = (counts.get(relation) ?? 0) + 1;
    counts.set(relation, count);
    const definition = template.relations.get(relation);
    if (!definition) {
      issues.push(
        level(
          "object.relation.unknown",
          childPath(path, "object_relation"),
          `Template "${template.name}" has no relation "${relation}"${note}`,
        ),
      );
      return;
    }
    checkAttribute(issues, path, attribute, { template, relation, level, note });
    if (count === 2 && !definition.multiple) {
      issues.push(
        level(
          "object.relation.multiple",
          childPath(path, "object_relation"),
          `Relation "${relation}" of template "${template.name}" may appear only once in an object${note}`,
        ),
      );
    }
  });
  const attributesPath = childPath(at, "Attribute");
  for (const relation of template.required) {
    if (!counts.has(relation)) {
      issues.push(
        level(
          "object.required",
          attributesPath,
          `Template "${template.name}" requires relation "${relation}", which the object lacks${note}`,
        ),
      );
    }
  }
  const oneOf = template.requiredOneOf;
  if (oneOf.length > 0 && !oneOf.some((relation) => counts.has(relation))) {
    issues.push(
      level(
        "object.required-one-of",
        attributesPath,
        `Template "${template.name}" requires at least one of ${
          oneOf.map((name) => `"${name}"`).join(", ")
        }; the object has none${note}`,
      ),
    );
  }
}

function checkAttribute(
  issues: Issue[],
  path: string,
  attribute: Attribute,
  context: { template: ObjectTemplate; relation: string; level: Level; note: string },
): void {
  const { template, relation, level, note } = context;
  const definition = template.relations.get(relation)!;
  if (attribute.type && attribute.type !== definition.type) {
    issues.push(
      level(
        "object.relation.type",
        childPath(path, "type"),
        `Relation "${relation}" of template "${template.name}" is of type "${definition.type}", not "${attribute.type}"${note}`,
      ),
    );
  }
  const categories = definition.categories;
  if (attribute.category && categories && !categories.includes(attribute.category)) {
    issues.push(
      level(
        "object.relation.category",
        childPath(path, "category"),
        `Relation "${relation}" of template "${template.name}" allows the categories ${
          categories.map((name) => `"${name}"`).join(", ")
        }, not "${attribute.category}"${note}`,
      ),
    );
  }
}

interface ReferenceContext {
  readonly event: MispEvent;
  readonly kinds: ReadonlyMap<string, "attribute" | "object">;
  readonly catalog: Catalog;
  readonly options: ObjectCheckOptions;
}

function checkReferences(issues: Issue[], at: string, object: MispObject, ctx: ReferenceContext) {
  (object.ObjectReference ?? []).forEach((reference, index) => {
    const path = childPath(childPath(at, "ObjectReference"), index);
    const type = reference.relationship_type;
    if (ctx.catalog.hasRelationships && type && !ctx.catalog.relationship(type)) {
      issues.push(
        warning(
          "reference.relationship_type.unknown",
          childPath(path, "relationship_type"),
          `relationship_type "${type}" is not in the relationship list of misp-objects`,
        ),
      );
    }
    const target = reference.referenced_uuid;
    if (typeof target !== "string" || target === "" || reference.deleted === true) return;
    const key = target.toLowerCase();
    const kind = ctx.kinds.get(key);
    if (kind) {
      const expected = kind === "attribute" ? "0" : "1";
      const given = reference.referenced_type;
      if ((given === "0" || given === "1") && given !== expected) {
        issues.push(
          warning(
            "reference.referenced_type.mismatch",
            childPath(path, "referenced_type"),
            `referenced_type is "${given}" but "${target}" is an ${kind} (${expected})`,
          ),
        );
      }
      return;
    }
    const extended = ctx.event.extends_uuid;
    if (extended) {
      const uuids = ctx.options.uuidsOfEvent?.(extended);
      if (uuids?.has(key)) return;
      if (!uuids) {
        issues.push(
          warning(
            "reference.target.unknown",
            childPath(path, "referenced_uuid"),
            `referenced_uuid "${target}" is not in this event, and the event it extends ("${extended}") could not be read`,
          ),
        );
        return;
      }
    }
    issues.push(
      error(
        "reference.target.unknown",
        childPath(path, "referenced_uuid"),
        `referenced_uuid "${target}" is not an attribute or object of this event${
          extended ? ` nor of the event it extends ("${extended}")` : ""
        }`,
      ),
    );
  });
}
