/**
 * @module
 * The three-way merge of two edits of one JSON record (an event file edited on two git branches),
 * by meaning rather than by line: lists of items with a `uuid` (attributes, objects, references,
 * reports, blocklist entries) are merged item by item, tag lists by tag name, objects key by key,
 * so two analysts adding attributes to the same event never conflict. `timestamp` and
 * `publish_timestamp`, which every edit moves, take the later of the two. What both sides changed
 * differently is a conflict: the merge keeps our side there (or the side that still has the item,
 * when one deleted what the other changed: nothing is lost) and reports base, ours and theirs.
 */
import { childPath, jsonEqual as same } from "../model/mod.ts";

/** A place both sides changed differently. */
export interface MergeConflict {
  /** JSON path of the place, e.g. `Event.Attribute[uuid=…].value`. */
  readonly path: string;
  /** The value in the common ancestor (undefined: absent there). */
  readonly base: unknown;
  /** Our side's value (undefined: deleted or never there). */
  readonly ours: unknown;
  /** Their side's value (undefined: deleted or never there). */
  readonly theirs: unknown;
  /** What the merge kept. */
  readonly kept: "ours" | "theirs";
}

/** The merged value and the conflicts met. */
export interface ThreeWayResult {
  /** Undefined when both sides deleted the value. */
  readonly value: unknown;
  /** Every place both sides changed differently, in document order. */
  readonly conflicts: MergeConflict[];
}

/** Keys whose values only grow with each edit: the later one wins without a conflict. */
const LATEST_WINS = new Set(["timestamp", "publish_timestamp"]);

/** Merges `ours` and `theirs`, both edits of `base` (undefined: absent on that side). */
export function mergeThreeWay(
  base: unknown,
  ours: unknown,
  theirs: unknown,
  path = "",
): ThreeWayResult {
  const conflicts: MergeConflict[] = [];
  const value = merge(base, ours, theirs, path, conflicts);
  return { value, conflicts };
}

function merge(
  base: unknown,
  ours: unknown,
  theirs: unknown,
  path: string,
  conflicts: MergeConflict[],
): unknown {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (ours === undefined || theirs === undefined) {
    // Deleted on one side, changed on the other: keep the change, so nothing is lost unseen.
    const kept = ours === undefined ? "theirs" : "ours";
    conflicts.push({ path, base, ours, theirs, kept });
    return ours ?? theirs;
  }
  if (isRecord(ours) && isRecord(theirs) && (base === undefined || isRecord(base))) {
    return mergeRecords(base as Record<string, unknown> | undefined, ours, theirs, path, conflicts);
  }
  if (Array.isArray(ours) && Array.isArray(theirs) && (base === undefined || Array.isArray(base))) {
    const key = listKey(ours, theirs, (base as unknown[] | undefined) ?? []);
    if (key !== undefined) {
      return mergeKeyedLists((base as unknown[] | undefined) ?? [], ours, theirs, key, path, {
        conflicts,
      });
    }
  }
  conflicts.push({ path, base, ours, theirs, kept: "ours" });
  return ours;
}

function mergeRecords(
  base: Record<string, unknown> | undefined,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  path: string,
  conflicts: MergeConflict[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base ?? {})]);
  for (const key of keys) {
    const left = ours[key];
    const right = theirs[key];
    let merged: unknown;
    if (LATEST_WINS.has(key) && isTime(left) && isTime(right)) {
      merged = Number(left) >= Number(right) ? left : right;
    } else merged = merge(base?.[key], left, right, childPath(path, key), conflicts);
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}

/** How items of a list are told apart: by `uuid`, by tag `name`, or as plain values. */
type ListKey = "uuid" | "name" | "value";

function listKey(...lists: unknown[][]): ListKey | undefined {
  const items = lists.flat();
  if (items.every((item) => isRecord(item) && typeof item.uuid === "string")) return "uuid";
  if (items.every((item) => isRecord(item) && typeof item.name === "string" && !("uuid" in item))) {
    return "name";
  }
  if (items.every((item) => item === null || typeof item !== "object")) return "value";
  return undefined;
}

function mergeKeyedLists(
  base: unknown[],
  ours: unknown[],
  theirs: unknown[],
  key: ListKey,
  path: string,
  out: { conflicts: MergeConflict[] },
): unknown[] {
  // Uuids in any case are one item; tag names are byte-exact (`tlp:red` is not `TLP:RED`).
  const keyOf = (item: unknown): string =>
    key === "value"
      ? JSON.stringify(item)
      : key === "uuid"
      ? String((item as Record<string, unknown>).uuid).toLowerCase()
      : String((item as Record<string, unknown>).name);
  const index = (list: unknown[]) => new Map(list.map((item) => [keyOf(item), item]));
  const [baseItems, ourItems, theirItems] = [index(base), index(ours), index(theirs)];
  // Our order first, then what only they have, in their order.
  const order = [...ourItems.keys()];
  for (const id of theirItems.keys()) if (!ourItems.has(id)) order.push(id);
  for (const id of baseItems.keys()) if (!ourItems.has(id) && !theirItems.has(id)) order.push(id);
  const merged: unknown[] = [];
  for (const id of order) {
    const itemPath = key === "value" ? `${path}[${id}]` : `${path}[${key}=${id}]`;
    const item = merge(
      baseItems.get(id),
      ourItems.get(id),
      theirItems.get(id),
      itemPath,
      out.conflicts,
    );
    if (item !== undefined) merged.push(item);
  }
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isTime(value: unknown): value is string | number {
  return (typeof value === "string" && /^[0-9]{1,12}$/.test(value)) ||
    (typeof value === "number" && Number.isInteger(value));
}
