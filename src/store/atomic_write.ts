/**
 * @module
 * Atomic file replacement: write a temp file in the same folder, fsync it, rename it over the target,
 * fsync the folder. A crash leaves either the old file or the new one, never half of one.
 */

/** Writes `text` to `path` atomically (temp file, fsync, rename, fsync folder). */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const slash = path.lastIndexOf("/");
  const dir = slash === -1 ? "." : path.slice(0, slash) || "/";
  const name = path.slice(slash + 1);
  const temp = `${dir}/.${name}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const file = await Deno.open(temp, { write: true, createNew: true, mode: 0o644 });
  try {
    let written = 0;
    while (written < bytes.length) written += await file.write(bytes.subarray(written));
    await file.sync();
  } catch (cause) {
    file.close();
    await Deno.remove(temp).catch(() => {});
    throw cause;
  }
  file.close();
  try {
    await Deno.rename(temp, path);
  } catch (cause) {
    await Deno.remove(temp).catch(() => {});
    throw cause;
  }
  await syncDirectory(dir);
}

/** Makes a folder's entries (a rename, a removal) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await Deno.open(dir, { read: true });
  try {
    await handle.sync();
  } finally {
    handle.close();
  }
}
