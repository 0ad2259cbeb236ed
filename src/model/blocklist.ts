/**
 * @module
 * The blocklist, `data/blocklist.json`: events and organisations this instance never takes from a
 * peer, as MISP's event and organisation blocklists (misp-behaviour.md §2.3 step 4, §2.6 "New
 * event", §13 point 8). MISP blocklists an event when it is deleted so that sync does not bring it
 * back; in kura an event is deleted with git, and its uuid listed here, reviewed like any change.
 *
 * ```json
 * {
 *   "events": [{ "uuid": "…", "info": "…", "orgc": "…", "comment": "false positive", "created": "2026-01-01T00:00:00.000Z" }],
 *   "orgs": [{ "uuid": "…", "name": "…", "comment": "…", "created": "…" }]
 * }
 * ```
 */
import * as v from "valibot";
import { type KeyOrder, stringifyCanonical } from "./canonical_json.ts";

/** Schema of a blocked event; only `uuid` is needed, the rest says what it was and why. */
export const BlockedEventSchema = v.looseObject({
  uuid: v.string(),
  info: v.optional(v.string()),
  orgc: v.optional(v.string()),
  comment: v.optional(v.string()),
  created: v.optional(v.string()),
});

/** Schema of a blocked organisation. */
export const BlockedOrgSchema = v.looseObject({
  uuid: v.string(),
  name: v.optional(v.string()),
  comment: v.optional(v.string()),
  created: v.optional(v.string()),
});

/** Schema of `data/blocklist.json`. */
export const BlocklistDocumentSchema = v.strictObject({
  events: v.optional(v.array(BlockedEventSchema)),
  orgs: v.optional(v.array(BlockedOrgSchema)),
});

/** A blocked event. */
export type BlockedEvent = v.InferOutput<typeof BlockedEventSchema>;
/** A blocked organisation. */
export type BlockedOrg = v.InferOutput<typeof BlockedOrgSchema>;
/** The content of `data/blocklist.json`. */
export type BlocklistDocument = v.InferOutput<typeof BlocklistDocumentSchema>;

/** The blocklist as lookups by lower-case uuid. */
export interface Blocklist {
  /** Blocked events by uuid. */
  readonly events: ReadonlyMap<string, BlockedEvent>;
  /** Blocked creator organisations by uuid. */
  readonly orgs: ReadonlyMap<string, BlockedOrg>;
}

/** A blocklist that blocks nothing (no `data/blocklist.json`). */
export const EMPTY_BLOCKLIST: Blocklist = { events: new Map(), orgs: new Map() };

/** The lookups of a (valid) blocklist document. */
export function blocklistOf(document: BlocklistDocument): Blocklist {
  return {
    events: new Map((document.events ?? []).map((entry) => [entry.uuid.toLowerCase(), entry])),
    orgs: new Map((document.orgs ?? []).map((entry) => [entry.uuid.toLowerCase(), entry])),
  };
}

/** The document of `blocklist`. */
export function blocklistDocument(blocklist: Blocklist): BlocklistDocument {
  const events = [...blocklist.events.values()];
  const orgs = [...blocklist.orgs.values()];
  return {
    ...(events.length > 0 ? { events } : {}),
    ...(orgs.length > 0 ? { orgs } : {}),
  };
}

const KEY_RANK = ["events", "orgs", "uuid", "info", "name", "orgc", "comment", "created"];

/** Known keys first, in the order a reader wants them (the uuid, then what it was and why). */
const blocklistKeys: KeyOrder = (a, b) => {
  const rankA = KEY_RANK.indexOf(a);
  const rankB = KEY_RANK.indexOf(b);
  if (rankA !== rankB) return rankA === -1 ? 1 : rankB === -1 ? -1 : rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * The canonical text of a blocklist document: each list sorted by uuid (duplicates kept: the
 * validator reports them), so people blocking different events make changes git merges cleanly.
 */
export function formatBlocklistDocument(document: BlocklistDocument): string {
  const sorted = <T extends { uuid: string }>(entries: readonly T[] | undefined) =>
    entries === undefined ? undefined : [...entries].sort((a, b) => {
      const left = a.uuid.toLowerCase();
      const right = b.uuid.toLowerCase();
      return left < right ? -1 : left > right ? 1 : 0;
    });
  return stringifyCanonical(
    { ...document, events: sorted(document.events), orgs: sorted(document.orgs) },
    { keyOrder: blocklistKeys },
  );
}
