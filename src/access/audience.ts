/**
 * @module
 * The audience of an output: who will read it. Every egress path (feeds, exports, the API) names one
 * and asks the access rules what it may see.
 */

/**
 * Who reads an output:
 * - `public`: anyone at all (a feed without access control);
 * - `org`: one remote organisation, treated as MISP treats a non-internal sync server of that org;
 * - `sharing-group`: every member organisation of one sharing group (each of them remote);
 * - `internal`: this instance's own organisation (MISP's internal sync link).
 */
export type Audience =
  | { readonly kind: "public" }
  | { readonly kind: "org"; readonly org: string }
  | { readonly kind: "sharing-group"; readonly sharingGroup: string }
  | { readonly kind: "internal" };

/** A short human description of an audience, for listings and messages. */
export function describeAudience(audience: Audience): string {
  switch (audience.kind) {
    case "public":
      return "public (anyone)";
    case "internal":
      return "internal (this organisation)";
    case "org":
      return `organisation ${audience.org}`;
    case "sharing-group":
      return `sharing group ${audience.sharingGroup}`;
  }
}
