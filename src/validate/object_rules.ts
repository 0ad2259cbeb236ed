/**
 * @module
 * Structural rules for MISP objects and their references (misp-behaviour.md §6). Template conformity
 * is a catalog check plugged in through `EventCheck`.
 */
import { childPath, error, type MispObject, type ObjectReference, warning } from "../model/mod.ts";
import { checkAttribute } from "./attribute_rules.ts";
import {
  checkDistribution,
  checkSeen,
  checkTimestamp,
  checkUuid,
  isFilled,
  type RuleContext,
} from "./field_rules.ts";

const DIGITS = /^\d+$/;

/** Checks one object at `path`, its attributes and its references. */
export function checkObject(ctx: RuleContext, path: string, object: MispObject): void {
  checkUuid(ctx, path, object.uuid, "object", { required: true });
  checkTimestamp(ctx, path, "timestamp", object.timestamp, "object", false);
  checkDistribution(ctx, path, object, "object", { max: 5, required: false });
  checkSeen(ctx, path, object, "object");
  if (!isFilled(object.name)) {
    ctx.issues.push(
      error("object.name.missing", childPath(path, "name"), "The object has no name"),
    );
  }
  if (!isFilled(object["meta-category"])) {
    ctx.issues.push(
      warning(
        "object.meta-category.missing",
        childPath(path, "meta-category"),
        "The object has no meta-category",
      ),
    );
  }
  checkUuid(ctx, path, object.template_uuid, "object", { required: false, key: "template_uuid" });
  const version = object.template_version;
  if (isFilled(version) && !DIGITS.test(version)) {
    ctx.issues.push(
      error(
        "object.template_version.invalid",
        childPath(path, "template_version"),
        `template_version "${version}" is not a natural number`,
      ),
    );
  }
  const attributes = object.Attribute ?? [];
  if (attributes.length === 0) {
    ctx.issues.push(
      warning(
        "object.attributes.empty",
        childPath(path, "Attribute"),
        "The object has no attributes",
      ),
    );
  }
  attributes.forEach((attribute, index) => {
    checkAttribute(ctx, childPath(childPath(path, "Attribute"), index), attribute, true);
  });
  (object.ObjectReference ?? []).forEach((reference, index) => {
    checkReference(ctx, childPath(childPath(path, "ObjectReference"), index), reference, object);
  });
}

function checkReference(
  ctx: RuleContext,
  path: string,
  reference: ObjectReference,
  source: MispObject,
): void {
  checkUuid(ctx, path, reference.uuid, "reference", { required: false });
  checkTimestamp(ctx, path, "timestamp", reference.timestamp, "reference", false);
  checkUuid(ctx, path, reference.referenced_uuid, "reference", {
    required: true,
    key: "referenced_uuid",
  });
  if (!isFilled(reference.relationship_type)) {
    ctx.issues.push(
      error(
        "reference.relationship_type.missing",
        childPath(path, "relationship_type"),
        "The reference has no relationship_type",
      ),
    );
  }
  const sourceUuid = reference.object_uuid ?? reference.source_uuid;
  if (
    isFilled(sourceUuid) && isFilled(source.uuid) &&
    sourceUuid.toLowerCase() !== source.uuid.toLowerCase()
  ) {
    // MISP captures a reference as part of the object that holds it, so the nesting decides the
    // source; PyMISP's feed generator is known to write a random object_uuid here (SOURCES.md).
    ctx.issues.push(
      warning(
        "reference.source.mismatch",
        childPath(path, reference.object_uuid ? "object_uuid" : "source_uuid"),
        `The reference says it starts at "${sourceUuid}" but sits in object "${source.uuid}"; ` +
          "the object holding it is taken as the source",
      ),
    );
  }
  const type = reference.referenced_type;
  if (isFilled(type) && type !== "0" && type !== "1") {
    ctx.issues.push(
      error(
        "reference.referenced_type.invalid",
        childPath(path, "referenced_type"),
        `referenced_type "${type}" must be 0 (attribute) or 1 (object)`,
      ),
    );
  }
}
