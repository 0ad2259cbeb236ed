/**
 * @module
 * Many valid events for load tests and benchmarks, generated deterministically: event `i` has
 * `attributes` ip-dst/domain/sha256 attributes, all by the test org.
 */
import type { Attribute, MispEvent } from "../../src/model/mod.ts";
import { TEST_ORG, uuidN } from "./sample_events.ts";

/** Event number `i` with `attributes` attributes, at `timestamp`. */
export function generatedEvent(i: number, attributes: number, timestamp = 1700000000): MispEvent {
  const list: Attribute[] = [];
  for (let a = 0; a < attributes; a++) {
    const kind = a % 3;
    list.push({
      uuid: `${(i + 0x10000000).toString(16)}-${(a + 0x1000).toString(16)}-4000-8000-${
        (i * 1000 + a).toString(16).padStart(12, "0")
      }`,
      type: kind === 0 ? "ip-dst" : kind === 1 ? "domain" : "sha256",
      category: kind === 2 ? "Payload delivery" : "Network activity",
      value: kind === 0
        ? `10.${(i >> 8) & 255}.${i & 255}.${a % 256}`
        : kind === 1
        ? `host${a}.event${i}.example.com`
        : (i * 7919 + a).toString(16).padStart(64, "0"),
      to_ids: true,
      distribution: "5",
      timestamp: String(timestamp),
      comment: "",
      deleted: false,
    });
  }
  return {
    uuid: uuidN(i, "feedfeed"),
    info: `Generated event ${i}`,
    date: "2024-01-01",
    threat_level_id: "2",
    analysis: "2",
    distribution: "3",
    sharing_group_id: "0",
    timestamp: String(timestamp),
    publish_timestamp: String(timestamp),
    published: true,
    Orgc: { ...TEST_ORG },
    Tag: [{ name: "tlp:white" }],
    Attribute: list,
  };
}
