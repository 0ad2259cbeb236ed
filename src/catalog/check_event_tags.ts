/**
 * @module
 * Tags of an event, its attributes and objects checked against the catalog (misp-behaviour.md §8):
 * known taxonomy tags, enabled taxonomies, exclusive taxonomies and predicates, known galaxy
 * clusters. Unknown and disabled tags are warnings, errors with `strictTags`; free-form tags (outside
 * every known namespace) are accepted unless `strictTags`.
 */
import { childPath, error, type Issue, type MispEvent, type Tag, warning } from "../model/mod.ts";
import type { Catalog } from "./catalog.ts";
import type { Taxonomy, TaxonomyPredicate } from "./taxonomy.ts";

/** Options of {@link eventTagCheck}. */
export interface TagCheckOptions {
  /** Unknown, disabled, differently cased and free-form tags are errors (default false). */
  readonly strictTags?: boolean;
  /** Namespaces enabled, `*` wildcards allowed, letter case ignored (default `["*"]`). */
  readonly enabled?: readonly string[];
  /** Namespaces disabled even when enabled matches them (default none). */
  readonly disabled?: readonly string[];
}

/**
 * Tags MISP lets coexist although their taxonomy is exclusive: `tlp:white` is TLP 1.0's name for
 * `tlp:clear` (misp-behaviour.md §8).
 */
const SAME_LABEL: ReadonlyMap<string, string> = new Map([["tlp:white", "tlp:clear"]]);

interface KnownTag {
  readonly path: string;
  readonly name: string;
  readonly taxonomy: Taxonomy;
  readonly predicate: TaxonomyPredicate;
}

/** Builds the tag check over whole events; issue paths are rooted at `Event`. */
export function eventTagCheck(
  catalog: Catalog,
  options: TagCheckOptions = {},
): (event: MispEvent) => Issue[] {
  const strict = options.strictTags ?? false;
  const enabled = (options.enabled ?? ["*"]).map(globPattern);
  const disabled = (options.disabled ?? []).map(globPattern);
  const enabledCache = new Map<string, boolean>();
  const isEnabled = (namespace: string): boolean => {
    let verdict = enabledCache.get(namespace);
    if (verdict === undefined) {
      verdict = enabled.some((re) => re.test(namespace)) &&
        !disabled.some((re) => re.test(namespace));
      enabledCache.set(namespace, verdict);
    }
    return verdict;
  };
  const unknownLevel = strict ? error : warning;

  const checkList = (issues: Issue[], path: string, tags: readonly Tag[] | undefined) => {
    if (!tags) return;
    const known: KnownTag[] = [];
    tags.forEach((tag, index) => {
      const name = tag.name;
      if (typeof name !== "string" || name === "") return;
      const at = childPath(childPath(path, index), "name");
      const found = catalog.resolveTag(name);
      switch (found.kind) {
        case "taxonomy":
          if (!isEnabled(found.taxonomy.namespace)) {
            issues.push(
              unknownLevel(
                "tag.taxonomy.disabled",
                at,
                `Tag ${name} belongs to taxonomy "${found.taxonomy.namespace}", which is disabled in the configuration`,
              ),
            );
          }
          if (found.name !== name) issues.push(caseIssue(at, name, found.name));
          known.push({
            path: at,
            name: found.name,
            taxonomy: found.taxonomy,
            predicate: found.predicate,
          });
          break;
        case "taxonomy-unknown":
          issues.push(
            unknownLevel("tag.taxonomy.unknown", at, `Unknown tag ${name}: ${found.reason}`),
          );
          break;
        case "galaxy":
          if (found.name !== name) issues.push(caseIssue(at, name, found.name));
          if (found.value.revoked) {
            issues.push(
              warning(
                "tag.galaxy.revoked",
                at,
                `Tag ${name} names a revoked cluster of galaxy "${found.cluster.type}"`,
              ),
            );
          }
          break;
        case "galaxy-unknown":
          issues.push(
            unknownLevel("tag.galaxy.unknown", at, `Unknown galaxy tag ${name}: ${found.reason}`),
          );
          break;
        case "free-form":
          if (strict) {
            issues.push(
              error(
                "tag.free-form",
                at,
                `Tag ${name} is not in a known taxonomy or galaxy; --strict-tags allows only those`,
              ),
            );
          }
          break;
        case "unchecked":
          break;
      }
    });
    checkExclusive(issues, known);
  };

  function caseIssue(at: string, name: string, canonical: string): Issue {
    return unknownLevel(
      "tag.case",
      at,
      `Tag ${name} differs only in letter case from the known tag ${canonical}`,
    );
  }

  return (event) => {
    const issues: Issue[] = [];
    checkList(issues, "Event.Tag", event.Tag);
    (event.Attribute ?? []).forEach((attribute, index) => {
      checkList(issues, `Event.Attribute[${index}].Tag`, attribute.Tag);
    });
    (event.Object ?? []).forEach((object, index) => {
      const at = `Event.Object[${index}]`;
      checkList(issues, `${at}.Tag`, object.Tag);
      (object.Attribute ?? []).forEach((attribute, attributeIndex) => {
        checkList(issues, `${at}.Attribute[${attributeIndex}].Tag`, attribute.Tag);
      });
    });
    return issues;
  };
}

/** Two distinct tags of an exclusive taxonomy, or of an exclusive predicate, may not go together. */
function checkExclusive(issues: Issue[], known: readonly KnownTag[]): void {
  if (known.length < 2) return;
  const firstOfTaxonomy = new Map<Taxonomy, KnownTag>();
  const firstOfPredicate = new Map<TaxonomyPredicate, KnownTag>();
  const seen = new Set<string>();
  for (const tag of known) {
    const label = SAME_LABEL.get(tag.name) ?? tag.name;
    if (seen.has(label)) continue;
    seen.add(label);
    const sameTaxonomy = firstOfTaxonomy.get(tag.taxonomy);
    if (sameTaxonomy && tag.taxonomy.exclusive) {
      issues.push(conflict(tag, sameTaxonomy, `taxonomy "${tag.taxonomy.namespace}" is exclusive`));
      continue;
    }
    if (!sameTaxonomy) firstOfTaxonomy.set(tag.taxonomy, tag);
    const samePredicate = firstOfPredicate.get(tag.predicate);
    if (samePredicate && tag.predicate.exclusive) {
      issues.push(
        conflict(
          tag,
          samePredicate,
          `predicate "${tag.taxonomy.namespace}:${tag.predicate.value}" is exclusive`,
        ),
      );
      continue;
    }
    if (!samePredicate) firstOfPredicate.set(tag.predicate, tag);
  }
}

function conflict(tag: KnownTag, earlier: KnownTag, why: string): Issue {
  return error(
    "tag.taxonomy.exclusive",
    tag.path,
    `Tag ${tag.name} may not go with ${earlier.name} (${earlier.path}): ${why}`,
  );
}

function globPattern(pattern: string): RegExp {
  const body = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`, "i");
}
