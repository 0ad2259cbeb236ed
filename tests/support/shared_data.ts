/**
 * @module
 * Access to `../shared` (real MISP data and references) beside the repository. Tests that need it are
 * registered with {@link sharedTest}, which marks them ignored, visibly, where it is absent.
 */

/** Absolute path of the shared folder (override with KURA_SHARED). */
export const SHARED_DIR: string = Deno.env.get("KURA_SHARED") ??
  new URL("../../../shared", import.meta.url).pathname;

/** Absolute path of `shared/misp-data`. */
export const MISP_DATA = `${SHARED_DIR}/misp-data`;

/** Whether the shared data is present. */
export const HAS_SHARED: boolean = await Deno.stat(MISP_DATA).then(
  (i) => i.isDirectory,
  () => false,
);

if (!HAS_SHARED) {
  console.warn(
    `NOTE: ${MISP_DATA} is absent; tests on real MISP data are skipped (shown as ignored).`,
  );
}

/** Registers a test that needs ../shared; it is ignored, with a note in its name, when absent. */
export function sharedTest(name: string, fn: (t: Deno.TestContext) => Promise<void> | void): void {
  Deno.test({
    name: HAS_SHARED ? name : `${name} [skipped: ../shared/misp-data is absent]`,
    ignore: !HAS_SHARED,
    fn,
  });
}

/** Every `.json` file under a folder of the shared data, recursively, sorted. */
export async function sharedJsonFiles(relative: string): Promise<string[]> {
  const files: string[] = [];
  async function walk(dir: string) {
    for await (const entry of Deno.readDir(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory) await walk(path);
      else if (entry.name.endsWith(".json")) files.push(path);
    }
  }
  await walk(`${MISP_DATA}/${relative}`);
  return files.sort();
}
