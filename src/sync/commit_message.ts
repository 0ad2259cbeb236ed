/**
 * @module
 * The git commit message of a pull pass: a summary line naming the peer and the counts, then one line
 * per event written, so `git log` tells what came from where.
 */
import type { EventResult } from "../merge/mod.ts";
import { describeChanges } from "../merge/mod.ts";

const MAX_LINES = 200;

/** Builds the commit message for the events a pass wrote. */
export function commitMessage(peer: string, written: readonly EventResult[]): string {
  const added = written.filter((result) => result.status === "new").length;
  const updated = written.filter((result) => result.status === "updated").length;
  const lines = [...written]
    .sort((a, b) => (a.uuid < b.uuid ? -1 : 1))
    .slice(0, MAX_LINES)
    .map((result) => {
      const changes = result.changes ? describeChanges(result.changes) : "";
      const info = (result.info ?? "").replace(/\s+/g, " ").slice(0, 80);
      return `${result.status.padEnd(7)} ${result.uuid} ${info}${changes ? ` (${changes})` : ""}`;
    });
  if (written.length > MAX_LINES) lines.push(`… and ${written.length - MAX_LINES} more`);
  return `Pull from peer ${peer}: ${added} new, ${updated} updated\n\n${lines.join("\n")}\n`;
}
