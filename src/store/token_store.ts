/**
 * @module
 * API tokens (feed readers, admins): generated once, shown once, stored only as SHA-256 hashes in the
 * state folder (`tokens.json`), checked in constant time. Tokens are 256-bit random, so a fast hash is
 * enough; there is nothing to brute-force. Verifying is on the path of every request to a token feed,
 * so it hashes synchronously and looks at the file at most every {@link TOKEN_RECHECK_MS}: a token
 * added or revoked by another process (`kura token`) counts within that time plus one `stat`.
 */
import { createHash } from "node:crypto";
import { writeFileAtomic } from "./atomic_write.ts";
import { withWriteLock } from "./write_lock.ts";

/** What a token grants: reading one feed, or administering the daemon. */
export type TokenScope = `feed:${string}` | "admin";

/** A stored token: never the secret itself. */
export interface TokenRecord {
  /** Short public identifier, shown by `list` and used by `revoke`. */
  readonly id: string;
  readonly scope: TokenScope;
  /** Hex SHA-256 of the whole token. */
  readonly sha256: string;
  /** Free text given at creation (who it is for). */
  readonly label: string;
  /** ISO-8601 creation time. */
  readonly created: string;
}

const PREFIX = "kura_";
const ID_LENGTH = 8;

/** How long verification trusts what it last read of `tokens.json` before looking again, in ms. */
export const TOKEN_RECHECK_MS = 250;

/** What was read of `tokens.json`, and when the file was last looked at. */
interface Snapshot {
  /** Identity of the version read (mtime, inode, size), or null when the file is missing. */
  readonly version: string | null;
  readonly records: TokenRecord[];
  /** The hashes of `records`, in lower case, for the constant-time comparison. */
  readonly hashes: string[];
  /** `performance.now()` when the file was last found to be this version. */
  checkedAt: number;
}

/** Token storage in `<state>/tokens.json`. */
export class TokenStore {
  readonly #file: string;
  readonly #stateDir: string;
  #snapshot?: Snapshot;
  /** The look at the file in progress, shared by the requests that wait for it. */
  #refreshing?: Promise<Snapshot>;

  /** Opens the token store of state folder `stateDir`. */
  constructor(stateDir: string) {
    this.#stateDir = stateDir.replace(/\/+$/, "");
    this.#file = `${this.#stateDir}/tokens.json`;
  }

  /** Creates a token for `scope`; returns the secret (shown once) and its record. */
  async add(
    scope: TokenScope,
    label = "",
    now = new Date(),
  ): Promise<{ token: string; record: TokenRecord }> {
    const secret = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const token = `${PREFIX}${secret}`;
    const sha256 = sha256Hex(token);
    const record: TokenRecord = {
      // From the stored hash, not the secret: the id shows nothing of the token, and hex never starts
      // with "-", which a command line would take for an option.
      id: sha256.slice(0, ID_LENGTH),
      scope,
      sha256,
      label,
      created: now.toISOString(),
    };
    await this.#update((records) => [...records, record]);
    return { token, record };
  }

  /** Every stored token record (optionally only those of `scope`). */
  async list(scope?: TokenScope): Promise<TokenRecord[]> {
    const records = await this.#read();
    return scope === undefined ? records : records.filter((record) => record.scope === scope);
  }

  /** Removes the token with public id `id`; true when one was removed. */
  async revoke(id: string): Promise<boolean> {
    let removed = false;
    await this.#update((records) => {
      const kept = records.filter((record) => record.id !== id);
      removed = kept.length !== records.length;
      return kept;
    });
    return removed;
  }

  /**
   * The record of `token` when it is valid for `scope` (admin tokens are not feed tokens and vice
   * versa), else undefined. Compares hashes in constant time. A token found in what was read of the
   * file less than {@link TOKEN_RECHECK_MS} ago is accepted at once (synchronously); otherwise, and
   * for a token not found, the answer waits for a fresh look at the file (a `stat`, and a read only
   * when it changed), so a token just added works at once and a revoked one stops working within
   * that time.
   */
  verify(
    token: string,
    scope: TokenScope,
  ): TokenRecord | undefined | Promise<TokenRecord | undefined> {
    if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
    const presented = sha256Hex(token);
    const snapshot = this.#snapshot;
    if (snapshot !== undefined && performance.now() - snapshot.checkedAt < TOKEN_RECHECK_MS) {
      const match = matching(snapshot, presented, scope);
      if (match !== undefined) return match;
    }
    return this.#refresh().then((fresh) => matching(fresh, presented, scope));
  }

  #refresh(): Promise<Snapshot> {
    this.#refreshing ??= this.#look().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /** Looks at the file; reads it only when it is not the version already read. */
  async #look(): Promise<Snapshot> {
    // Taken before the stat: a change finished before then is seen by it.
    const checkedAt = performance.now();
    const version = await this.#version();
    const known = this.#snapshot;
    if (known !== undefined && known.version === version) {
      known.checkedAt = checkedAt;
      return known;
    }
    const records = version === null ? [] : await this.#parse();
    const snapshot: Snapshot = {
      version,
      records,
      hashes: records.map((record) => String(record.sha256).toLowerCase()),
      checkedAt,
    };
    this.#snapshot = snapshot;
    return snapshot;
  }

  async #version(): Promise<string | null> {
    try {
      const info = await Deno.stat(this.#file);
      return `${info.mtime?.getTime()}:${info.ino}:${info.size}`;
    } catch (cause) {
      if (cause instanceof Deno.errors.NotFound) return null;
      throw cause;
    }
  }

  async #parse(): Promise<TokenRecord[]> {
    try {
      const parsed = JSON.parse(await Deno.readTextFile(this.#file)) as { tokens?: TokenRecord[] };
      return Array.isArray(parsed.tokens) ? parsed.tokens : [];
    } catch (cause) {
      if (cause instanceof Deno.errors.NotFound) return []; // removed since the stat
      throw cause;
    }
  }

  async #read(): Promise<TokenRecord[]> {
    return (await this.#look()).records;
  }

  async #update(change: (records: TokenRecord[]) => TokenRecord[]): Promise<void> {
    await Deno.mkdir(this.#stateDir, { recursive: true });
    await withWriteLock(`${this.#stateDir}/tokens.lock`, async () => {
      const records = change(await this.#read());
      await writeFileAtomic(this.#file, `${JSON.stringify({ tokens: records }, null, 2)}\n`);
      await Deno.chmod(this.#file, 0o600).catch(() => {});
      this.#snapshot = undefined;
    });
  }
}

/** The record of `scope` whose hash is `presented`; every candidate is compared, in constant time. */
function matching(
  snapshot: Snapshot,
  presented: string,
  scope: TokenScope,
): TokenRecord | undefined {
  let match: TokenRecord | undefined;
  const { records, hashes } = snapshot;
  for (let index = 0; index < records.length; index++) {
    // Compare every candidate of the scope so timing does not reveal which one matched.
    if (records[index]!.scope !== scope) continue;
    if (sameHex(presented, hashes[index]!)) match = records[index];
  }
  return match;
}

/**
 * Whether two hex digests are equal, in time that depends only on their lengths (that of a SHA-256
 * digest): every character is compared, with no early exit. Comparing the hex text avoids making
 * two byte buffers per request, which costs more than the hashing itself.
 */
function sameHex(presented: string, stored: string): boolean {
  if (presented.length !== stored.length) return false;
  let difference = 0;
  for (let index = 0; index < presented.length; index++) {
    difference |= presented.charCodeAt(index) ^ stored.charCodeAt(index);
  }
  return difference === 0;
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(
    /=+$/,
    "",
  );
}
