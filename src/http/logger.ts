/**
 * @module
 * Structured logs: one JSON object per line (`time`, `level`, `msg`, then fields), so a log shipper
 * can parse every line and no field value can forge a line (JSON escapes control characters).
 */

/** Severity of a log line. */
export type LogLevel = "info" | "warn" | "error";

/** Writes one structured log line. */
export interface Logger {
  (level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  /**
   * Writes a line whose fields are given already serialised: JSON object members (`"key":value`
   * joined by commas), for hot paths that build them with a template. Use {@link logMembers}, which
   * falls back to parsing them for loggers without this.
   */
  readonly members?: (level: LogLevel, msg: string, members: string) => void;
}

/** A log line whose fields are serialised JSON object members (see {@link Logger}). */
export interface MembersLine {
  readonly level: LogLevel;
  readonly msg: string;
  readonly members: string;
}

/** Logs `line` with any logger: as it is when the logger takes members, else parsed. */
export function logMembers(logger: Logger, line: MembersLine): void {
  if (logger.members) logger.members(line.level, line.msg, line.members);
  else logger(line.level, line.msg, JSON.parse(`{${line.members}}`));
}

/** A Logger writing JSON lines through `write`, timed by `now`. */
export function jsonLineLogger(write: (line: string) => void, now: () => Date): Logger {
  // A busy daemon logs many lines per millisecond: format the time once per millisecond.
  let lastMs = NaN;
  let lastTime = "";
  const head = (level: LogLevel, msg: string) => {
    const date = now();
    const ms = date.getTime();
    if (ms !== lastMs) {
      lastMs = ms;
      lastTime = date.toISOString();
    }
    return `{"time":"${lastTime}","level":"${level}","msg":${JSON.stringify(msg)}`;
  };
  const reserved = (fields: Record<string, unknown>) =>
    Object.hasOwn(fields, "time") || Object.hasOwn(fields, "level") || Object.hasOwn(fields, "msg");
  const logger = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (reserved(fields)) {
      write(`${JSON.stringify({ time: now().toISOString(), level, msg, ...fields })}\n`);
      return;
    }
    const rest = JSON.stringify(fields);
    write(`${head(level, msg)}${rest === "{}" ? "}" : `,${rest.slice(1)}`}\n`);
  };
  return Object.assign(logger, {
    members: (level: LogLevel, msg: string, members: string) =>
      write(`${head(level, msg)}${members === "" ? "" : ","}${members}}\n`),
  });
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
