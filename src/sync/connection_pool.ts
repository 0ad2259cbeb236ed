/**
 * @module
 * Connections kept open between requests to the same origin (HTTP/1.1 keep-alive), so a pull of
 * thousands of events pays the TCP and TLS handshakes once per connection instead of once per
 * event: on a distant peer that is two round trips saved per file. A connection is only ever
 * reused for the origin (scheme, host, port) it was opened and checked for, so credentials and the
 * pinned address stay where they belong. Idle connections close after a short time (servers drop
 * them too) and at {@link ConnectionPool.closeIdle}.
 */

/** Options of {@link ConnectionPool}. */
export interface ConnectionPoolOptions {
  /** Milliseconds an idle connection is kept (default 4 000, below common server timeouts). */
  readonly idleMs?: number;
  /** Idle connections kept per origin (default 8). */
  readonly maxIdlePerOrigin?: number;
}

interface Idle {
  readonly conn: Deno.Conn;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** Idle connections by origin. */
export class ConnectionPool {
  readonly #idle = new Map<string, Idle[]>();
  readonly #idleMs: number;
  readonly #max: number;

  /** An empty pool. */
  constructor(options: ConnectionPoolOptions = {}) {
    this.#idleMs = options.idleMs ?? 4_000;
    this.#max = options.maxIdlePerOrigin ?? 8;
  }

  /** Takes the most recently used idle connection to `origin`, if any. */
  take(origin: string): Deno.Conn | undefined {
    const idle = this.#idle.get(origin)?.pop();
    if (idle === undefined) return undefined;
    clearTimeout(idle.timer);
    return idle.conn;
  }

  /** Keeps `conn` (whose last response was read completely) for the next request to `origin`. */
  give(origin: string, conn: Deno.Conn): void {
    let list = this.#idle.get(origin);
    if (list === undefined) this.#idle.set(origin, list = []);
    if (list.length >= this.#max) {
      closeQuietly(conn);
      return;
    }
    const timer = setTimeout(() => {
      const at = list.findIndex((idle) => idle.conn === conn);
      if (at !== -1) list.splice(at, 1);
      closeQuietly(conn);
    }, this.#idleMs);
    Deno.unrefTimer(Number(timer)); // an idle connection never keeps the process running
    list.push({ conn, timer });
  }

  /** Number of idle connections (all origins). */
  get size(): number {
    let size = 0;
    for (const list of this.#idle.values()) size += list.length;
    return size;
  }

  /** Closes every idle connection; the pool stays usable. */
  closeIdle(): void {
    for (const list of this.#idle.values()) {
      for (const idle of list.splice(0)) {
        clearTimeout(idle.timer);
        closeQuietly(idle.conn);
      }
    }
    this.#idle.clear();
  }
}

function closeQuietly(conn: Deno.Conn): void {
  try {
    conn.close();
  } catch {
    // already closed by the other side or by a timeout
  }
}
