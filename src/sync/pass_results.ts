/**
 * @module
 * Small helpers of a pull pass: counting results per status, describing failures in plain words,
 * running work with bounded concurrency, and keeping only paths that exist.
 */
import { InvalidDataError, TransferError } from "../errors.ts";
import { type EventResult, SYNC_STATUSES, type SyncStatus } from "../merge/mod.ts";

/** Counts results per status. */
export function countResults(results: readonly EventResult[]): Record<SyncStatus, number> {
  const counts = Object.fromEntries(SYNC_STATUSES.map((status) => [status, 0])) as Record<
    SyncStatus,
    number
  >;
  for (const result of results) counts[result.status]++;
  return counts;
}

/** A plain description of why a transfer or a pass failed. */
export function describeFailure(cause: unknown): string {
  if (cause instanceof TransferError || cause instanceof InvalidDataError) return cause.message;
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}

/** The paths that exist (a journalled write may not have happened before a crash). */
export async function existing(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    if (await Deno.stat(path).then(() => true, () => false)) found.push(path);
  }
  return found;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
