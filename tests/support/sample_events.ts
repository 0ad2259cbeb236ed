/**
 * @module
 * Small, valid events for tests, built in code so each test states only what it changes.
 */
import type { Attribute, MispEvent, MispObject } from "../../src/model/mod.ts";

/** Uuid number `n` in a readable fixed pattern (valid, lower-case). */
export function uuidN(n: number, prefix = "00000000"): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** The creator org of test events. */
export const TEST_ORG = { name: "Example CERT", uuid: "11111111-1111-4111-8111-111111111111" };

/** A valid attribute; `overrides` replace fields. */
export function sampleAttribute(n: number, overrides: Partial<Attribute> = {}): Attribute {
  return {
    uuid: uuidN(n, "aaaaaaaa"),
    type: "ip-dst",
    category: "Network activity",
    value: `192.0.2.${n % 256}`,
    to_ids: true,
    distribution: "5",
    timestamp: "1700000000",
    comment: "",
    deleted: false,
    ...overrides,
  };
}

/** A valid `domain-ip`-like object with one attribute; `overrides` replace fields. */
export function sampleObject(n: number, overrides: Partial<MispObject> = {}): MispObject {
  return {
    uuid: uuidN(n, "bbbbbbbb"),
    name: "domain-ip",
    "meta-category": "network",
    description: "A domain and its IP addresses",
    template_uuid: "43b3b146-77eb-4931-b4cc-b66c60f28734",
    template_version: "9",
    distribution: "5",
    timestamp: "1700000000",
    comment: "",
    deleted: false,
    Attribute: [
      sampleAttribute(1000 + n, {
        type: "domain",
        value: `host${n}.example.com`,
        object_relation: "domain",
      }),
    ],
    ...overrides,
  };
}

/** A valid event with `attributes` top-level attributes; `overrides` replace fields. */
export function sampleEvent(overrides: Partial<MispEvent> = {}, attributes = 2): MispEvent {
  return {
    uuid: uuidN(1, "eeeeeeee"),
    info: "Phishing campaign against example.org",
    date: "2024-03-01",
    threat_level_id: "2",
    analysis: "1",
    distribution: "3",
    sharing_group_id: "0",
    timestamp: "1700000000",
    publish_timestamp: "1700000000",
    published: true,
    Orgc: { ...TEST_ORG },
    Tag: [{ name: "tlp:green" }],
    Attribute: Array.from({ length: attributes }, (_, i) => sampleAttribute(i + 1)),
    ...overrides,
  };
}

/** A fresh temp folder removed when the returned disposer runs. */
export async function tempDir(prefix = "kura-test-"): Promise<{ path: string } & AsyncDisposable> {
  const path = await Deno.makeTempDir({ prefix });
  return {
    path,
    [Symbol.asyncDispose]: () => Deno.remove(path, { recursive: true }).catch(() => {}),
  };
}
