/**
 * @module
 * One writer at a time on a data folder: an advisory lock (flock) on a lock file, plus a queue inside
 * the process. The operating system drops the lock when a process dies, so there are no stale locks.
 */

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` while holding the write lock of `lockPath`. Waits for other writers in this process and
 * in other processes.
 */
export function withWriteLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => holdLock(lockPath, work));
  const tail = run.catch(() => {});
  queues.set(lockPath, tail);
  tail.then(() => {
    if (queues.get(lockPath) === tail) queues.delete(lockPath);
  });
  return run;
}

async function holdLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  const file = await Deno.open(lockPath, { read: true, write: true, create: true, mode: 0o644 });
  try {
    await file.lock(true);
    return await work();
  } finally {
    file.close(); // closing releases the flock
  }
}

/**
 * The write lock file of data folder `dataDir`: inside `.git/` when the folder is a repository (never
 * tracked, never in `git status`), else `.kura.lock` beside the data.
 */
export async function lockPathFor(dataDir: string): Promise<string> {
  const root = dataDir.replace(/\/+$/, "");
  await Deno.mkdir(root, { recursive: true });
  const gitDir = `${root}/.git`;
  const isRepo = await Deno.stat(gitDir).then((info) => info.isDirectory, () => false);
  return isRepo ? `${gitDir}/kura.lock` : `${root}/.kura.lock`;
}
