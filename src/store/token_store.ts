/**
 * @module
 * API tokens (feed readers, admins): generated once, shown once, stored only as SHA-256 hashes in the
 * state folder (`tokens.json`), checked in constant time. Tokens are 256-bit random, so a fast hash is
 * enough; there is nothing to brute-force.
 */
import { timingSafeEqual } from "node:crypto";
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

/** Token storage in `<state>/tokens.json`. */
export class TokenStore {
  readonly #file: string;
  readonly #stateDir: string;
  #cache?: { mtime: number | null; records: TokenRecord[] };

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
    const record: TokenRecord = {
      id: secret.slice(0, ID_LENGTH),
      scope,
      sha256: await sha256Hex(token),
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
   * versa), else undefined. Compares hashes in constant time.
   */
  async verify(token: string, scope: TokenScope): Promise<TokenRecord | undefined> {
    if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
    const presented = hexBytes(await sha256Hex(token));
    let match: TokenRecord | undefined;
    for (const record of await this.#read()) {
      // Compare every candidate of the scope so timing does not reveal which one matched.
      if (record.scope !== scope) continue;
      if (timingSafeEqual(presented, hexBytes(record.sha256))) match = record;
    }
    return match;
  }

  async #read(): Promise<TokenRecord[]> {
    let mtime: number | null = null;
    try {
      mtime = (await Deno.stat(this.#file)).mtime?.getTime() ?? null;
    } catch (cause) {
      if (cause instanceof Deno.errors.NotFound) return [];
      throw cause;
    }
    if (this.#cache && this.#cache.mtime === mtime && mtime !== null) return this.#cache.records;
    const parsed = JSON.parse(await Deno.readTextFile(this.#file)) as { tokens?: TokenRecord[] };
    const records = Array.isArray(parsed.tokens) ? parsed.tokens : [];
    this.#cache = { mtime, records };
    return records;
  }

  async #update(change: (records: TokenRecord[]) => TokenRecord[]): Promise<void> {
    await Deno.mkdir(this.#stateDir, { recursive: true });
    await withWriteLock(`${this.#stateDir}/tokens.lock`, async () => {
      const records = change(await this.#read());
      await writeFileAtomic(this.#file, `${JSON.stringify({ tokens: records }, null, 2)}\n`);
      await Deno.chmod(this.#file, 0o600).catch(() => {});
      this.#cache = undefined;
    });
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16) || 0;
  return bytes;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(
    /=+$/,
    "",
  );
}
