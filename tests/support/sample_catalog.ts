/**
 * @module
 * A small catalog for tests, built from library-shaped JSON so each test sees real file shapes.
 */
import {
  Catalog,
  clusterFromJson,
  galaxyFromJson,
  relationshipsFromJson,
  taxonomyFromJson,
  templateFromJson,
} from "../../src/catalog/mod.ts";

/** A taxonomy file with an exclusive predicate with values and one without. */
export const ADMIRALTY_JSON = {
  namespace: "admiralty-scale",
  description: "Source reliability and information credibility",
  version: 3,
  uuid: "45f11aec-5f0f-4a40-b4b4-e5c4c1a2b4d1",
  predicates: [
    { value: "source-reliability", exclusive: true },
    { value: "information-credibility", exclusive: true },
    { value: "note" },
  ],
  values: [
    {
      predicate: "source-reliability",
      entry: [{ value: "a", expanded: "Completely reliable" }, { value: "b" }],
    },
    { predicate: "information-credibility", entry: [{ value: "1" }, { value: "2" }] },
  ],
};

/** A non-exclusive taxonomy whose values hold spaces, colons and quotes. */
export const WORKFLOW_JSON = {
  namespace: "workflow",
  description: "Workflow",
  version: 1,
  predicates: [{ value: "state" }, { value: "todo" }],
  values: [
    { predicate: "state", entry: [{ value: "draft" }, { value: "complete" }] },
    { predicate: "todo", entry: [{ value: 'check "this": now' }] },
  ],
};

/** A galaxy and its cluster. */
export const THREAT_ACTOR_GALAXY = {
  type: "threat-actor",
  name: "Threat Actor",
  uuid: "698774c7-8022-42c4-917f-8d6e4f06ada3",
  description: "Threat actors",
  version: 3,
  namespace: "misp",
};

/** The cluster of {@link THREAT_ACTOR_GALAXY}. */
export const THREAT_ACTOR_CLUSTER = {
  type: "threat-actor",
  name: "Threat Actor",
  uuid: "7cdff317-a673-4474-84ec-4f1754947823",
  version: 300,
  description: "Threat actors",
  authors: ["x"],
  source: "x",
  category: "actor",
  values: [
    { value: "APT28", uuid: "5b4ee3ea-eee3-4c8e-8323-85ae32658754" },
    { value: "Old Name", uuid: "a2b6c0f3-7c35-4a5b-9d3e-0b1e2f3a4b5c", revoked: true },
  ],
};

/** A `domain-ip`-like template. */
export const DOMAIN_IP_TEMPLATE = {
  name: "domain-ip",
  uuid: "43b3b146-77eb-4931-b4cc-b66c60f28734",
  version: 9,
  "meta-category": "network",
  description: "A domain and its IP addresses",
  requiredOneOf: ["ip", "domain"],
  attributes: {
    domain: {
      "misp-attribute": "domain",
      "ui-priority": 1,
      description: "Domain",
      categories: ["Network activity", "External analysis"],
      multiple: true,
    },
    ip: { "misp-attribute": "ip-dst", "ui-priority": 1, description: "IP", multiple: true },
    "first-seen": { "misp-attribute": "datetime", "ui-priority": 0, description: "First seen" },
    text: { "misp-attribute": "text", "ui-priority": 0, description: "Text" },
  },
};

/** A template with `required`. */
export const FILE_TEMPLATE = {
  name: "file",
  uuid: "688c46fb-5edb-40a3-8273-1af7923e2215",
  version: 25,
  "meta-category": "file",
  description: "File",
  required: ["filename"],
  attributes: {
    filename: { "misp-attribute": "filename", "ui-priority": 1, description: "Name" },
    md5: { "misp-attribute": "md5", "ui-priority": 1, description: "MD5" },
  },
};

/** The catalog of all of the above plus the relationship list `related-to`, `contains`. */
export function sampleCatalog(): Catalog {
  return new Catalog({
    taxonomies: [ADMIRALTY_JSON, WORKFLOW_JSON].map((json) => taxonomyFromJson(json)!)
      .concat(new Catalog().taxonomies),
    galaxies: [galaxyFromJson(THREAT_ACTOR_GALAXY)!],
    clusters: [clusterFromJson(THREAT_ACTOR_CLUSTER)!],
    templates: [templateFromJson(DOMAIN_IP_TEMPLATE)!, templateFromJson(FILE_TEMPLATE)!],
    relationships: relationshipsFromJson({
      values: [{ name: "related-to" }, { name: "contains" }],
    }),
  });
}
