/**
 * @module
 * Who may speak for which creator org (field-survey.md §4.3 point 3, CVE-2026-135239): a peer may
 * only introduce or update events whose `Orgc` is among the orgs it is configured for, and never
 * events of this instance's own org, whatever the timestamps say.
 */

/** The parts of a peer's configuration that bound what it may assert. */
export interface AuthorityPolicy {
  /** Org uuids the peer may speak for; `"*"` means any org except the host org. */
  readonly orgs: readonly string[];
  /** This instance's org uuid (MISP's host org), when known. */
  readonly hostOrg?: string;
  /** Same-org peer (MISP's internal link): may also speak for the host org when it lists it. */
  readonly internal: boolean;
}

/** Why the peer may not speak for the creator org `orgc`, or undefined when it may. */
export function refusedAuthority(
  orgc: { uuid?: string | null; name?: string | null } | undefined,
  peer: string,
  policy: AuthorityPolicy,
): string | undefined {
  const uuid = typeof orgc?.uuid === "string" ? orgc.uuid.toLowerCase() : undefined;
  if (uuid === undefined) return "the event has no creator org (Orgc) uuid";
  const label = `"${orgc?.name ?? ""}" (${uuid})`;
  if (uuid === policy.hostOrg) {
    if (policy.internal && policy.orgs.includes(uuid)) return undefined;
    return `peer "${peer}" may not speak for this instance's own org ${label}`;
  }
  if (policy.orgs.includes("*") || policy.orgs.includes(uuid)) return undefined;
  return `peer "${peer}" may not speak for creator org ${label}`;
}
