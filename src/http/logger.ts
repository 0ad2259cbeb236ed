/**
 * @module
 * Structured logs: one JSON object per line (`time`, `level`, `msg`, then fields), so a log shipper
 * can parse every line and no field value can forge a line (JSON escapes control characters).
 */

/** Severity of a log line. */
export type LogLevel = "info" | "warn" | "error";

/** Writes one structured log line. */
export type Logger = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

/** A Logger writing JSON lines through `write`, timed by `now`. */
export function jsonLineLogger(write: (line: string) => void, now: () => Date): Logger {
  return (level, msg, fields = {}) => {
    write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...fields })}\n`);
  };
}

/** A Logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = () => {};
