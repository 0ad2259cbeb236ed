/**
 * @module
 * Galaxy cluster tags `misp-galaxy:<galaxy type>="<cluster value>"` (misp-formats.md §2.5,
 * misp-behaviour.md §8): how MISP attaches a galaxy cluster to an event or attribute. Cluster values
 * may contain `"`, so a tag is looked up by its exact parts, never by a regex over the value.
 */
import { formatMachineTag, parseMachineTag } from "./machine_tag.ts";

/** The namespace of every galaxy cluster tag. */
export const GALAXY_TAG_NAMESPACE = "misp-galaxy";

/** A galaxy cluster tag's parts. */
export interface GalaxyTag {
  /** The galaxy's `type` (the join key between galaxy and cluster file). */
  readonly type: string;
  /** The cluster value (or, for custom clusters, the cluster's uuid). */
  readonly value: string;
}

/** True when the tag is in the `misp-galaxy:` namespace (whether or not it is well formed). */
export function isGalaxyTag(name: string): boolean {
  return name.startsWith(`${GALAXY_TAG_NAMESPACE}:`);
}

/** Splits `misp-galaxy:<type>="<value>"`; undefined for any other tag, or one without a value. */
export function parseGalaxyTag(name: string): GalaxyTag | undefined {
  if (!isGalaxyTag(name)) return undefined;
  const tag = parseMachineTag(name);
  if (tag?.value === undefined) return undefined;
  return { type: tag.predicate, value: tag.value };
}

/** Builds the tag name of a galaxy cluster value. */
export function formatGalaxyTag(tag: GalaxyTag): string {
  return formatMachineTag({
    namespace: GALAXY_TAG_NAMESPACE,
    predicate: tag.type,
    value: tag.value,
  });
}
