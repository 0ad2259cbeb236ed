/**
 * @module
 * The taxonomies kura knows without any library checkout, so tags validate out of the box: the
 * Traffic Light Protocol (TLP 2.0 labels plus the older ones MISP keeps for compatibility) and the
 * Permissible Actions Protocol. Written here as facts about those standards; configure
 * `libraries.taxonomies` to use the full misp-taxonomies set instead.
 */
import type { Taxonomy, TaxonomyPredicate } from "./taxonomy.ts";

function label(value: string, colour: string, expanded: string): TaxonomyPredicate {
  return { value, colour, expanded, exclusive: false };
}

/** TLP: one label per event or attribute (exclusive); `tlp:white` is the pre-2.0 name of `tlp:clear`. */
export const TLP_TAXONOMY: Taxonomy = {
  namespace: "tlp",
  description: "Traffic Light Protocol: how far the recipients may share the information.",
  expanded: "Traffic Light Protocol",
  version: 10,
  exclusive: true,
  predicates: [
    label("red", "#FF2B2B", "TLP:RED: named recipients only"),
    label("amber", "#FFC000", "TLP:AMBER: the recipient's organisation and its clients"),
    label("amber+strict", "#FFC000", "TLP:AMBER+STRICT: the recipient's organisation only"),
    label("green", "#33FF00", "TLP:GREEN: the recipient's community"),
    label("white", "#ffffff", "TLP:WHITE: no limit (TLP 1.0 name of TLP:CLEAR)"),
    label("clear", "#ffffff", "TLP:CLEAR: no limit on disclosure"),
    label("ex:chr", "#d208f4", "TLP:EX:CHR: Chatham House Rule, do not disclose the source"),
    label("unclear", "#7e7eae", "TLP:UNCLEAR: nobody is sure what may be shared"),
  ],
};

/** PAP: what the recipients may do with the information (exclusive). */
export const PAP_TAXONOMY: Taxonomy = {
  namespace: "PAP",
  description: "Permissible Actions Protocol: which actions the recipients may take.",
  expanded: "Permissible Actions Protocol",
  version: 3,
  exclusive: true,
  predicates: [
    label("RED", "#ff2b2b", "PAP:RED: passive actions on logs only, undetectable from outside"),
    label("AMBER", "#ffc000", "PAP:AMBER: passive cross-checks, such as third-party lookups"),
    label("GREEN", "#33ff00", "PAP:GREEN: active actions, such as blocking or pinging"),
    label("CLEAR", "#ffffff", "PAP:CLEAR: no restriction"),
    label("WHITE", "#ffffff", "PAP:WHITE: no restriction (older name of PAP:CLEAR)"),
  ],
};

/** Every built-in taxonomy. */
export const BUILTIN_TAXONOMIES: readonly Taxonomy[] = [TLP_TAXONOMY, PAP_TAXONOMY];
