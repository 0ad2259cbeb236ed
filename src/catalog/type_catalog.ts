/**
 * @module
 * Lookups over MISP's attribute types and categories: is this a type, may it sit in that category,
 * what are its defaults, is it composite (`a|b`).
 */
import { CATEGORIES, type Category, CATEGORY_TYPES, TYPE_DEFAULTS } from "./attribute_types.ts";

/** Every attribute type, in MISP's order. */
export const ATTRIBUTE_TYPES: readonly string[] = Object.keys(TYPE_DEFAULTS);

const TYPE_SET = new Set(ATTRIBUTE_TYPES);
const CATEGORY_SET = new Set<string>(CATEGORIES);
const CATEGORIES_OF_TYPE = new Map<string, Set<Category>>();
for (const category of CATEGORIES) {
  for (const type of CATEGORY_TYPES[category]) {
    let set = CATEGORIES_OF_TYPE.get(type);
    if (!set) CATEGORIES_OF_TYPE.set(type, set = new Set());
    set.add(category);
  }
}

/**
 * Composite types, whose value is two parts joined by one `|`: every type containing `|`, plus
 * `malware-sample` (`filename|md5`) (misp-behaviour.md §4.2).
 */
export const COMPOSITE_TYPES: ReadonlySet<string> = new Set(
  [...ATTRIBUTE_TYPES.filter((type) => type.includes("|")), "malware-sample"],
);

/** True when `type` is one of MISP's attribute types (case-sensitive, as MISP compares them). */
export function isAttributeType(type: string): boolean {
  return TYPE_SET.has(type);
}

/** True when `category` is one of the 16 categories. */
export function isCategory(category: string): category is Category {
  return CATEGORY_SET.has(category);
}

/** True when MISP allows `type` under `category`. */
export function isTypeAllowedInCategory(type: string, category: string): boolean {
  return CATEGORIES_OF_TYPE.get(type)?.has(category as Category) ?? false;
}

/** Categories that allow `type`, in MISP's order; empty for an unknown type. */
export function categoriesOfType(type: string): Category[] {
  const set = CATEGORIES_OF_TYPE.get(type);
  return set ? CATEGORIES.filter((category) => set.has(category)) : [];
}

/** The category MISP picks for `type` when none is given. */
export function defaultCategoryOf(type: string): Category | undefined {
  return TYPE_DEFAULTS[type]?.[0];
}

/** MISP's default `to_ids` for `type`. */
export function defaultToIdsOf(type: string): boolean | undefined {
  const defaults = TYPE_DEFAULTS[type];
  return defaults ? defaults[1] === 1 : undefined;
}

/** True when values of `type` are two parts joined by `|`. */
export function isCompositeType(type: string): boolean {
  return COMPOSITE_TYPES.has(type);
}

/** The `result` body of MISP's `GET /attributes/describeTypes.json`. */
export interface DescribeTypes {
  sane_defaults: Record<string, { default_category: Category; to_ids: 0 | 1 }>;
  types: string[];
  categories: Category[];
  category_type_mappings: Record<string, string[]>;
}

/** Builds MISP's describeTypes body from the tables, for the API and for comparison with PyMISP's copy. */
export function describeTypes(): DescribeTypes {
  const saneDefaults: DescribeTypes["sane_defaults"] = {};
  for (const type of ATTRIBUTE_TYPES) {
    const [defaultCategory, toIds] = TYPE_DEFAULTS[type]!;
    saneDefaults[type] = { default_category: defaultCategory, to_ids: toIds };
  }
  const mappings: Record<string, string[]> = {};
  for (const category of CATEGORIES) mappings[category] = [...CATEGORY_TYPES[category]];
  return {
    sane_defaults: saneDefaults,
    types: [...ATTRIBUTE_TYPES],
    categories: [...CATEGORIES],
    category_type_mappings: mappings,
  };
}
