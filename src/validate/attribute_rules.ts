/**
 * @module
 * Rules for one attribute (misp-behaviour.md §4): type and category, the value for its type, flags,
 * distribution, seen-times. Object attributes additionally need an `object_relation`.
 */
import {
  categoriesOfType,
  isAttributeType,
  isCategory,
  isTypeAllowedInCategory,
} from "../catalog/mod.ts";
import { type Attribute, childPath, error, warning } from "../model/mod.ts";
import { checkValue } from "./check_value.ts";
import {
  checkDistribution,
  checkSeen,
  checkTimestamp,
  checkUuid,
  isFilled,
  type RuleContext,
} from "./field_rules.ts";

/** Types whose payload travels in `data` (base64). */
const BINARY_TYPES = new Set(["attachment", "malware-sample"]);
const MAX_VALUE_BYTES = 65535;
const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

/** Checks one attribute at `path`; `inObject` adds the object-attribute rules. */
export function checkAttribute(
  ctx: RuleContext,
  path: string,
  attribute: Attribute,
  inObject: boolean,
): void {
  checkUuid(ctx, path, attribute.uuid, "attribute", { required: true });
  checkTimestamp(ctx, path, "timestamp", attribute.timestamp, "attribute", false);
  checkDistribution(ctx, path, attribute, "attribute", { max: 5, required: false });
  checkSeen(ctx, path, attribute, "attribute");
  if (inObject && !isFilled(attribute.object_relation)) {
    ctx.issues.push(
      error(
        "attribute.object_relation.missing",
        childPath(path, "object_relation"),
        "An object attribute needs an object_relation naming its template relation",
      ),
    );
  }
  const type = attribute.type;
  if (!isFilled(type)) {
    ctx.issues.push(
      error("attribute.type.missing", childPath(path, "type"), "The attribute has no type"),
    );
    return;
  }
  if (!isAttributeType(type)) {
    ctx.issues.push(
      error(
        "attribute.type.unknown",
        childPath(path, "type"),
        `"${type}" is not a MISP attribute type`,
      ),
    );
    return;
  }
  checkCategory(ctx, path, type, attribute.category);
  checkAttributeValue(ctx, path, type, attribute);
}

function checkCategory(ctx: RuleContext, path: string, type: string, category: unknown): void {
  const at = childPath(path, "category");
  if (!isFilled(category)) {
    ctx.issues.push(
      warning(
        "attribute.category.missing",
        at,
        `No category given; MISP would use the default for ${type}`,
      ),
    );
    return;
  }
  if (!isCategory(category)) {
    ctx.issues.push(
      error("attribute.category.unknown", at, `"${category}" is not a MISP category`),
    );
  } else if (!isTypeAllowedInCategory(type, category)) {
    ctx.issues.push(
      error(
        "attribute.category.type",
        at,
        `Type ${type} is not allowed in category "${category}"; allowed: ${
          categoriesOfType(type).join(", ")
        }`,
      ),
    );
  }
}

function checkAttributeValue(
  ctx: RuleContext,
  path: string,
  type: string,
  attribute: Attribute,
): void {
  const value = attribute.value;
  if (value === undefined || value === null) {
    ctx.issues.push(
      error(
        "attribute.value.missing",
        childPath(path, "value"),
        `The ${type} attribute has no value`,
      ),
    );
    return;
  }
  if (utf8Length(value) > MAX_VALUE_BYTES) {
    ctx.issues.push(
      error(
        "attribute.value.size",
        childPath(path, "value"),
        `The ${type} value is longer than MISP's ${MAX_VALUE_BYTES} bytes`,
      ),
    );
  }
  for (const problem of checkValue(type, value).problems) {
    const code = `attribute.${problem.code}`;
    ctx.issues.push(
      problem.severity === "error"
        ? error(code, childPath(path, "value"), problem.message)
        : warning(code, childPath(path, "value"), problem.message),
    );
  }
  if (BINARY_TYPES.has(type)) {
    const data = attribute.data;
    if (!isFilled(data)) {
      ctx.issues.push(
        warning(
          "attribute.data.missing",
          childPath(path, "data"),
          `The ${type} attribute carries no data`,
        ),
      );
    } else if (!BASE64.test(data)) {
      ctx.issues.push(
        error("attribute.data.base64", childPath(path, "data"), `The ${type} data is not base64`),
      );
    }
  }
}

function utf8Length(text: string): number {
  if (text.length * 3 <= MAX_VALUE_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? (i++, 4) : 3;
  }
  return bytes;
}
