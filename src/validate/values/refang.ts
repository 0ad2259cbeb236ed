/**
 * @module
 * MISP's refang rules as applied to a single attribute value (`ComplexTypeTool::refangValue`,
 * misp-behaviour.md §4.3 step 3 and the table of §10): each rule applies only to the types it lists.
 * Freetext import applies every rule to every token; that is not done here.
 */

interface RefangRule {
  readonly from: RegExp;
  readonly to: string;
  readonly types: ReadonlySet<string>;
}

// Case-sensitivity follows MISP: only the scheme rule is case-insensitive (§10).
const RULES: readonly RefangRule[] = [
  { from: /^(?:hxxp|hxtp|htxp|meow|h\[tt\]p)/i, to: "http", types: new Set(["link", "url"]) },
  {
    from: /\[\.\]|\[dot\]|\(dot\)/g,
    to: ".",
    types: new Set([
      "link",
      "url",
      "ip-dst",
      "ip-src",
      "domain|ip",
      "domain",
      "hostname",
      "email",
      "email-src",
      "email-dst",
    ]),
  },
  { from: /\[hxxp:\/\/\]/g, to: "http://", types: new Set(["link", "url"]) },
  { from: /\[@\]|\[at\]/g, to: "@", types: new Set(["email", "email-src", "email-dst"]) },
  { from: /\[:\]/g, to: ":", types: new Set(["url", "link"]) },
];

const RULES_OF_TYPE = new Map<string, RefangRule[]>();
for (const rule of RULES) {
  for (const type of rule.types) {
    const list = RULES_OF_TYPE.get(type) ?? [];
    list.push(rule);
    RULES_OF_TYPE.set(type, list);
  }
}

/** Every type some refang rule applies to. */
export const REFANGED_TYPES: ReadonlySet<string> = new Set(RULES_OF_TYPE.keys());

/** The value with the refang rules of its type applied (unchanged for other types). */
export function refangValue(type: string, value: string): string {
  const rules = RULES_OF_TYPE.get(type);
  if (rules === undefined) return value;
  let result = value;
  for (const rule of rules) {
    rule.from.lastIndex = 0;
    if (rule.from.test(result)) result = result.replace(rule.from, rule.to);
  }
  return result;
}
