/**
 * @module
 * Progress of a pull for people: a bar redrawn in place on a terminal, plain log lines (every 10 %
 * and at the end) otherwise, so logs of cron jobs and CI stay readable.
 */
import type { PullProgress } from "../sync/mod.ts";

/** Builds a progress callback writing to `write` (stderr). */
export function progressReporter(
  write: (text: string) => void,
  isTerminal: boolean,
): (progress: PullProgress) => void {
  let lastDecile = -1;
  let drawn = false;
  return (progress) => {
    if (progress.phase === "manifest") {
      lastDecile = -1;
      if (!isTerminal) write(`${progress.peer}: fetching manifest\n`);
      return;
    }
    if (progress.phase === "done") {
      if (isTerminal && drawn) write("\r\x1b[2K");
      drawn = false;
      return;
    }
    const { done, total } = progress;
    if (total === 0) return;
    if (isTerminal) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      write(
        `\r${progress.peer} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`,
      );
      drawn = true;
      return;
    }
    const decile = Math.floor((done / total) * 10);
    if (decile !== lastDecile && (decile > lastDecile || done === total)) {
      lastDecile = decile;
      write(`${progress.peer}: ${done}/${total} events\n`);
    }
  };
}
