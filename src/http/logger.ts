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

/** Options of {@link bufferedWriter}. */
export interface BufferOptions {
  /** Flush once this many characters are waiting (default 32 Ki). */
  readonly maxChars?: number;
  /** Flush this long after the first waiting line at the latest, in ms (default 100). */
  readonly maxDelayMs?: number;
}

/** A writer that gathers text and passes it on to `write` in larger pieces. */
export interface BufferedWriter {
  (text: string): void;
  /** Writes what is waiting now (call before exiting). */
  flush(): void;
}

/**
 * Gathers lines for `write`, so a busy daemon makes one write per batch of log lines instead of one
 * per request. A line waits at most `maxDelayMs`; a crash loses at most that much of the log.
 */
export function bufferedWriter(
  write: (text: string) => void,
  options: BufferOptions = {},
): BufferedWriter {
  const maxChars = options.maxChars ?? 32 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 100;
  let waiting: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return;
    const text = waiting.join("");
    waiting = [];
    size = 0;
    write(text);
  };
  const writer = (text: string) => {
    waiting.push(text);
    size += text.length;
    if (size >= maxChars) flush();
    else timer ??= setTimeout(flush, maxDelayMs);
  };
  return Object.assign(writer, { flush }) as BufferedWriter;
}

/** A Logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = () => {};
