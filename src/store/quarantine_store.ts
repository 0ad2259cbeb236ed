/**
 * @module
 * The quarantine: peer data that failed a check, kept outside `data/` with a receipt saying what,
 * from whom, when and why, beside the exact bytes fetched. Layout:
 * `<state>/quarantine/<peer>/<id>.json` (receipt) and `<id>.body` (bytes), `<id>` =
 * `<uuid>-<time>`. The body is written first, so a receipt always has its bytes.
 */
import { isCanonicalUuid } from "../model/mod.ts";
import { writeFileAtomic } from "./atomic_write.ts";
import { compactTime, filesIn, readStateJson, writeStateJson } from "./state_files.ts";

/** A quarantine receipt. */
export interface QuarantineReceipt {
  readonly id: string;
  readonly peer: string;
  /** The manifest key or event uuid (as received, possibly not a uuid). */
  readonly uuid: string;
  readonly reason: string;
  /** ISO-8601 time of quarantine. */
  readonly time: string;
  /** Size of the stored bytes. */
  readonly bytes: number;
  /** Hex SHA-256 of the stored bytes. */
  readonly sha256: string;
  /** The manifest timestamp of the entry, when known: the same entry is not fetched again. */
  readonly timestamp?: number;
}

/** What to quarantine. */
export interface QuarantineInput {
  readonly peer: string;
  readonly uuid: string;
  readonly reason: string;
  readonly time: Date;
  readonly body: Uint8Array;
  /** The manifest timestamp of the entry, when known. */
  readonly timestamp?: number;
}

/** Quarantine storage in `<state>/quarantine/`. */
export class QuarantineStore {
  readonly #root: string;

  /** Opens the quarantine of state folder `stateDir`. */
  constructor(stateDir: string) {
    this.#root = `${stateDir.replace(/\/+$/, "")}/quarantine`;
  }

  /** Stores `input` and returns its receipt. */
  async add(input: QuarantineInput): Promise<QuarantineReceipt> {
    const sha256 = await sha256Hex(input.body);
    const key = isCanonicalUuid(input.uuid) ? input.uuid : `key-${sha256.slice(0, 12)}`;
    const id = `${key}-${compactTime(input.time)}`;
    const dir = `${this.#root}/${safeName(input.peer)}`;
    await Deno.mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(`${dir}/${id}.body`, input.body);
    const receipt: QuarantineReceipt = {
      id,
      peer: input.peer,
      uuid: input.uuid,
      reason: input.reason,
      time: input.time.toISOString(),
      bytes: input.body.length,
      sha256,
      ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }),
    };
    await writeStateJson(`${dir}/${id}.json`, receipt);
    return receipt;
  }

  /** Every receipt (of `peer`, if given), oldest first. */
  async list(peer?: string): Promise<QuarantineReceipt[]> {
    const peers = peer === undefined ? await this.#peers() : [safeName(peer)];
    const receipts: QuarantineReceipt[] = [];
    for (const name of peers) {
      for (const file of await filesIn(`${this.#root}/${name}`, ".json")) {
        const receipt = await readStateJson<QuarantineReceipt>(`${this.#root}/${name}/${file}`);
        if (receipt) receipts.push(receipt);
      }
    }
    return receipts.sort((a, b) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
  }

  /** The receipt and bytes of `id`, or undefined. */
  async get(id: string): Promise<{ receipt: QuarantineReceipt; body: Uint8Array } | undefined> {
    const dir = await this.#dirOf(id);
    if (!dir) return undefined;
    const receipt = await readStateJson<QuarantineReceipt>(`${dir}/${id}.json`);
    if (!receipt) return undefined;
    return { receipt, body: await Deno.readFile(`${dir}/${id}.body`) };
  }

  /** Removes `id`; true when it existed. */
  async drop(id: string): Promise<boolean> {
    const dir = await this.#dirOf(id);
    if (!dir) return false;
    await Deno.remove(`${dir}/${id}.json`);
    await Deno.remove(`${dir}/${id}.body`).catch(() => {});
    return true;
  }

  async #dirOf(id: string): Promise<string | undefined> {
    if (!/^[A-Za-z0-9-]+$/.test(id)) return undefined;
    for (const peer of await this.#peers()) {
      const dir = `${this.#root}/${peer}`;
      const exists = await Deno.stat(`${dir}/${id}.json`).then(() => true, () => false);
      if (exists) return dir;
    }
    return undefined;
  }

  async #peers(): Promise<string[]> {
    const names: string[] = [];
    try {
      for await (const entry of Deno.readDir(this.#root)) {
        if (entry.isDirectory) names.push(entry.name);
      }
    } catch (cause) {
      if (cause instanceof Deno.errors.NotFound) return [];
      throw cause;
    }
    return names.sort();
  }
}

function safeName(peer: string): string {
  return peer.replace(/[^a-z0-9_-]/gi, "_");
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
