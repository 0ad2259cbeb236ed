/**
 * @module
 * How pull results read in a terminal: a summary line per peer, then one line per event that was not
 * unchanged (all of them with --verbose), status, uuid, title and reason.
 */
import { describeChanges, type EventResult, SYNC_STATUSES } from "../merge/mod.ts";
import type { PullReport } from "../sync/mod.ts";

/** The summary line of a pass: `peer-a: ok — 2 new, 1 updated, … (commit 1a2b3c4)`. */
export function formatPassSummary(report: PullReport): string {
  const counts = SYNC_STATUSES.map((status) => `${report.counts[status]} ${status}`).join(", ");
  const commit = report.commit ? ` (commit ${report.commit.slice(0, 12)})` : "";
  const error = report.error
    ? `\n  ${report.status === "failed" ? "error" : "note"}: ${report.error}`
    : "";
  if (report.status === "not-modified") {
    return `${report.peer}: not modified (manifest ETag unchanged)\n`;
  }
  return `${report.peer}: ${report.status} — ${counts}${commit}${error}\n`;
}

/** One line for an event result. */
export function formatResult(result: EventResult): string {
  const info = result.info ? ` "${result.info.replace(/\s+/g, " ").slice(0, 60)}"` : "";
  const changes = result.changes ? describeChanges(result.changes) : "";
  const detail = result.status === "new" || result.status === "updated"
    ? changes || result.reason
    : result.reason;
  const receipt = result.quarantineId ? ` [quarantine ${result.quarantineId}]` : "";
  return `  ${result.status.padEnd(11)} ${result.uuid}${info}: ${detail}${receipt}\n`;
}

/** The human report of a pass. */
export function formatPass(report: PullReport, options: { verbose: boolean }): string {
  const lines = report.results
    .filter((result) => options.verbose || result.status !== "unchanged")
    .map(formatResult);
  return formatPassSummary(report) + lines.join("");
}
