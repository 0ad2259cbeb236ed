/**
 * @module
 * What `kura catalog check` verifies in a misp-galaxy checkout beyond its schemas (misp-formats.md
 * §2.2–2.4): every galaxy has its cluster file and every cluster its galaxy (joined by `type`), the
 * PyMISPGalaxies rules (uuids well formed and unique across clusters except `deprecated` galaxies,
 * values unique per cluster ignoring case, at least one value, meta values strings or lists of
 * strings, no empty strings in meta lists), and what upstream misses: `related` entries with
 * `dest-uuid` and `type` whose `dest-uuid` resolves to a cluster value of the checkout (a warning
 * otherwise: it may point to a cluster outside it).
 */
import { childPath } from "../model/mod.ts";
import { isJsonObject, type JsonObject } from "./json_shape.ts";
import { FindingSink, type Location, where } from "./library_finding.ts";

interface GalaxyRecord {
  readonly file: string;
  readonly uuid?: string;
  readonly namespace?: string;
}

interface ClusterRecord {
  readonly file: string;
  readonly type: string;
  readonly uuid?: string;
  /** Value uuids (lower-case), by value index; undefined where missing or malformed. */
  readonly uuids: (string | undefined)[];
}

interface Edge {
  readonly file: string;
  readonly path: string;
  readonly dest: string;
}

const RELATED_KEYS = new Set(["dest-uuid", "type", "tags"]);

/** Cross-file state of a galaxy checkout. */
export class GalaxyLibraryRules {
  readonly #sink: FindingSink;
  readonly #galaxies = new Map<string, GalaxyRecord>();
  readonly #galaxyUuids = new Map<string, string>();
  readonly #clusters: ClusterRecord[] = [];
  readonly #clusterTypes = new Map<string, string>();
  readonly #edges: Edge[] = [];
  readonly #broken = new Set<string>();

  constructor(sink: FindingSink) {
    this.#sink = sink;
  }

  /** A file that could not be parsed: its partner is not reported missing. */
  broken(file: string): void {
    this.#broken.add(file);
  }

  /** Checks one `galaxies/*.json`. */
  galaxy(file: string, json: unknown): void {
    if (!isJsonObject(json) || typeof json.type !== "string") return;
    const sink = this.#sink;
    const type = json.type;
    const earlier = this.#galaxies.get(type);
    if (earlier) {
      sink.error(
        file,
        "galaxy.type.duplicate",
        "type",
        `Galaxy type "${type}" is already defined by ${earlier.file}`,
      );
      return;
    }
    let uuid: string | undefined;
    if (sink.uuid(file, "galaxy.uuid.invalid", "uuid", json.uuid)) {
      uuid = json.uuid.toLowerCase();
      const other = this.#galaxyUuids.get(uuid);
      if (other) {
        sink.error(
          file,
          "galaxy.uuid.duplicate",
          "uuid",
          `uuid ${uuid} is already the uuid of ${other}`,
        );
      } else this.#galaxyUuids.set(uuid, file);
    }
    this.#galaxies.set(type, {
      file,
      uuid,
      namespace: typeof json.namespace === "string" ? json.namespace : undefined,
    });
  }

  /** Checks one `clusters/*.json` and keeps its uuids and edges for the cross-file rules. */
  cluster(file: string, json: unknown): void {
    if (!isJsonObject(json)) return;
    const sink = this.#sink;
    const type = typeof json.type === "string" ? json.type : undefined;
    if (type !== undefined) {
      const earlier = this.#clusterTypes.get(type);
      if (earlier) {
        sink.error(
          file,
          "cluster.type.duplicate",
          "type",
          `Cluster type "${type}" is already used by ${earlier}`,
        );
      } else this.#clusterTypes.set(type, file);
    }
    const uuid = sink.uuid(file, "cluster.uuid.invalid", "uuid", json.uuid)
      ? (json.uuid as string).toLowerCase()
      : undefined;
    const values = Array.isArray(json.values) ? json.values : undefined;
    if (values?.length === 0) {
      sink.error(file, "cluster.values.empty", "values", "The cluster has no values");
    }
    const record: ClusterRecord = { file, type: type ?? "", uuid, uuids: [] };
    if (type !== undefined) this.#clusters.push(record);
    const byValue = new Map<string, { index: number; uuid?: string }>();
    const byUuid = new Map<string, { index: number; value: string }>();
    (values ?? []).forEach((item, index) => {
      if (!isJsonObject(item)) return;
      const at = childPath("values", index);
      let valueUuid: string | undefined;
      if (!("uuid" in item)) {
        sink.error(file, "cluster.value.uuid.missing", at, "The cluster value has no uuid");
      } else if (sink.uuid(file, "cluster.value.uuid.invalid", childPath(at, "uuid"), item.uuid)) {
        valueUuid = item.uuid.toLowerCase();
      }
      const value = typeof item.value === "string" ? item.value : undefined;
      let merged = false;
      if (value !== undefined) {
        const key = value.toLowerCase();
        const earlier = byValue.get(key);
        if (earlier) {
          if (earlier.uuid !== undefined && earlier.uuid === valueUuid) {
            merged = true;
            sink.warning(
              file,
              "cluster.value.duplicate",
              childPath(at, "value"),
              `Value "${value}" repeats values[${earlier.index}] with the same uuid; MISP merges them`,
            );
          } else {
            sink.error(
              file,
              "cluster.value.duplicate",
              childPath(at, "value"),
              `Value "${value}" is already values[${earlier.index}] (values are unique per cluster, ignoring case)`,
            );
          }
        } else byValue.set(key, { index, uuid: valueUuid });
      }
      if (valueUuid !== undefined && !merged) {
        const other = byUuid.get(valueUuid);
        if (other) {
          sink.error(
            file,
            "cluster.value.uuid.duplicate",
            childPath(at, "uuid"),
            `uuid ${valueUuid} is already the uuid of values[${other.index}] ("${other.value}")`,
          );
          valueUuid = undefined;
        } else byUuid.set(valueUuid, { index, value: value ?? "" });
      }
      record.uuids[index] = valueUuid;
      if (isJsonObject(item.meta)) this.#meta(file, childPath(at, "meta"), item.meta);
      if (Array.isArray(item.related)) this.#related(file, childPath(at, "related"), item.related);
    });
  }

  /** Cross-file rules: galaxy ↔ cluster pairing, uuid uniqueness, `related` resolution. */
  finish(): void {
    const sink = this.#sink;
    const clusterFileOfType = new Map<string, string>();
    for (const cluster of this.#clusters) clusterFileOfType.set(cluster.type, cluster.file);
    for (const [type, galaxy] of this.#galaxies) {
      const partner = `clusters/${galaxy.file.slice("galaxies/".length)}`;
      const clusterFile = clusterFileOfType.get(type);
      if (clusterFile === undefined) {
        if (this.#broken.has(partner)) continue;
        sink.error(
          galaxy.file,
          "galaxy.cluster.missing",
          "type",
          `No cluster file has type "${type}" (expected ${partner}); the galaxy has no values`,
        );
      } else if (clusterFile !== partner) {
        sink.warning(
          clusterFile,
          "cluster.file-name",
          "",
          `The cluster of galaxy ${galaxy.file} is expected at ${partner}`,
        );
      }
    }
    const clusterUuids = new Map<string, string>();
    for (const cluster of this.#clusters) {
      const galaxy = this.#galaxies.get(cluster.type);
      if (!galaxy) {
        const partner = `galaxies/${cluster.file.slice("clusters/".length)}`;
        if (!this.#broken.has(partner)) {
          sink.error(
            cluster.file,
            "cluster.galaxy.missing",
            "type",
            `No galaxy has type "${cluster.type}"; every cluster needs its galaxy`,
          );
        }
      }
      if (cluster.uuid === undefined) continue;
      const owner = this.#galaxyUuids.get(cluster.uuid);
      if (owner !== undefined && owner !== galaxy?.file) {
        sink.error(
          cluster.file,
          "cluster.uuid.galaxy",
          "uuid",
          `uuid ${cluster.uuid} is the uuid of ${owner}`,
        );
      }
      const other = clusterUuids.get(cluster.uuid);
      if (other) {
        sink.error(
          cluster.file,
          "cluster.uuid.duplicate",
          "uuid",
          `uuid ${cluster.uuid} is already the uuid of ${other}`,
        );
      } else clusterUuids.set(cluster.uuid, cluster.file);
    }
    this.#uniqueAcrossClusters();
    this.#resolveEdges();
  }

  /** Value uuids are unique across clusters; `deprecated` galaxies are exempt, as in PyMISPGalaxies. */
  #uniqueAcrossClusters(): void {
    const first = new Map<string, Location>();
    for (const cluster of this.#clusters) {
      if (this.#galaxies.get(cluster.type)?.namespace === "deprecated") continue;
      cluster.uuids.forEach((uuid, index) => {
        if (uuid === undefined) return;
        const path = childPath(childPath("values", index), "uuid");
        const earlier = first.get(uuid);
        if (!earlier) first.set(uuid, { file: cluster.file, path });
        else if (earlier.file !== cluster.file) {
          this.#sink.error(
            cluster.file,
            "cluster.value.uuid.duplicate",
            path,
            `uuid ${uuid} is already used at ${where(earlier)}`,
          );
        }
      });
    }
  }

  #resolveEdges(): void {
    const known = new Set<string>();
    for (const cluster of this.#clusters) {
      for (const uuid of cluster.uuids) if (uuid !== undefined) known.add(uuid);
    }
    for (const edge of this.#edges) {
      if (known.has(edge.dest)) continue;
      this.#sink.warning(
        edge.file,
        "cluster.related.unresolved",
        childPath(edge.path, "dest-uuid"),
        `dest-uuid ${edge.dest} is not a cluster value of this checkout (it may point to a cluster outside it)`,
      );
    }
  }

  #related(file: string, at: string, related: readonly unknown[]): void {
    const sink = this.#sink;
    related.forEach((edge, index) => {
      if (!isJsonObject(edge)) return;
      const path = childPath(at, index);
      if (!("dest-uuid" in edge)) {
        sink.error(
          file,
          "cluster.related.dest-uuid.missing",
          path,
          "The relation has no dest-uuid",
        );
      } else if (
        sink.uuid(
          file,
          "cluster.related.dest-uuid.invalid",
          childPath(path, "dest-uuid"),
          edge["dest-uuid"],
        )
      ) {
        this.#edges.push({ file, path, dest: (edge["dest-uuid"] as string).toLowerCase() });
      }
      if (typeof edge.type !== "string" || edge.type === "") {
        sink.error(
          file,
          "cluster.related.type.missing",
          path,
          'The relation has no type (e.g. "similar", "uses")',
        );
      }
      if ("tags" in edge) {
        const tags = edge.tags;
        if (
          !Array.isArray(tags) || tags.some((tag) => typeof tag !== "string") ||
          new Set(tags).size !== tags.length
        ) {
          sink.error(
            file,
            "cluster.related.tags",
            childPath(path, "tags"),
            "tags must be a list of distinct tag names",
          );
        }
      }
      for (const key of Object.keys(edge)) {
        if (RELATED_KEYS.has(key)) continue;
        sink.warning(
          file,
          "cluster.related.unknown-key",
          childPath(path, key),
          `Key "${key}" does not belong in a relation (dest-uuid, type, tags); meta data goes in the value's meta`,
        );
      }
    });
  }

  #meta(file: string, at: string, meta: JsonObject): void {
    for (const [key, value] of Object.entries(meta)) {
      if (typeof value === "string") continue;
      const path = childPath(at, key);
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
        this.#sink.error(
          file,
          "cluster.meta.type",
          path,
          `meta "${key}" must be a string or a list of strings`,
        );
      } else if (value.includes("")) {
        this.#sink.error(
          file,
          "cluster.meta.empty-string",
          path,
          `meta "${key}" holds an empty string`,
        );
      }
    }
  }
}
