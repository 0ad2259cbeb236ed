/**
 * @module
 * Galaxies and their cluster values (misp-galaxy `galaxies/*.json` and `clusters/*.json`,
 * misp-formats.md §2) as the catalog holds them: enough to resolve and describe galaxy tags. Read
 * leniently; `kura catalog check` reports what is malformed.
 */
import { arrayField, isJsonObject, numberField, stringField } from "./json_shape.ts";

/** A galaxy definition. */
export interface Galaxy {
  /** The join key with its cluster file and the `<type>` of its tags. */
  readonly type: string;
  readonly name: string;
  readonly uuid: string;
  readonly description: string;
  readonly version: number;
  readonly namespace?: string;
  readonly icon?: string;
  readonly killChainOrder?: Readonly<Record<string, readonly string[]>>;
}

/** One cluster value: the tag `misp-galaxy:<type>="<value>"`. */
export interface ClusterValue {
  readonly value: string;
  readonly uuid?: string;
  /** Revoked upstream: still known, but should no longer be used. */
  readonly revoked: boolean;
}

/** The cluster file of a galaxy: its values. */
export interface GalaxyCluster {
  readonly type: string;
  readonly name: string;
  readonly uuid: string;
  readonly version: number;
  readonly values: readonly ClusterValue[];
}

/** Builds a galaxy from a parsed `galaxies/*.json`; undefined without a type. */
export function galaxyFromJson(json: unknown): Galaxy | undefined {
  if (!isJsonObject(json)) return undefined;
  const type = stringField(json, "type");
  if (!type) return undefined;
  const order = json.kill_chain_order;
  return {
    type,
    name: stringField(json, "name") ?? type,
    uuid: stringField(json, "uuid") ?? "",
    description: stringField(json, "description") ?? "",
    version: numberField(json, "version") ?? 0,
    namespace: stringField(json, "namespace"),
    icon: stringField(json, "icon"),
    killChainOrder: isJsonObject(order) ? order as Record<string, string[]> : undefined,
  };
}

/** Builds a cluster from a parsed `clusters/*.json`, keeping only what tags need. */
export function clusterFromJson(json: unknown): GalaxyCluster | undefined {
  if (!isJsonObject(json)) return undefined;
  const type = stringField(json, "type");
  if (!type) return undefined;
  const values: ClusterValue[] = [];
  for (const item of arrayField(json, "values") ?? []) {
    if (!isJsonObject(item)) continue;
    const value = stringField(item, "value");
    if (value === undefined) continue;
    values.push({ value, uuid: stringField(item, "uuid"), revoked: item.revoked === true });
  }
  return {
    type,
    name: stringField(json, "name") ?? type,
    uuid: stringField(json, "uuid") ?? "",
    version: numberField(json, "version") ?? 0,
    values,
  };
}
