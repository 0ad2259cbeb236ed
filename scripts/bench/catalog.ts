/**
 * @module
 * Benchmark of the catalog (`deno task bench catalog [misp-data folder]`): `kura catalog check` over
 * the real taxonomies, galaxy (~44 MB) and objects checkouts (seconds and MB/s; target under 3 s),
 * the same files validated against their schemas only by `python3 -m jsonschema` where it is
 * installed (target: kura at least 10× faster), and loading the full libraries into the catalog at
 * start-up in a fresh process (targets under 1 s and under 200 MB RSS), plus tag lookups per second.
 */
import { checkLibraryFolder, listLibraryFiles, loadCatalog } from "../../src/store/mod.ts";
import type { LibraryKind } from "../../src/catalog/mod.ts";

const KINDS: readonly LibraryKind[] = ["taxonomies", "galaxy", "objects"];
const RUNS = 3;

/** Runs the benchmark; `args[0]` is the misp-data folder (default ../shared/misp-data). */
export async function main(args: string[]): Promise<void> {
  if (args[0] === "--load-only") return await loadOnly(args[1]!);
  const data = args[0] ?? new URL("../../../shared/misp-data", import.meta.url).pathname;
  console.log(`catalog benchmark over ${data} (best of ${RUNS} runs)\n`);

  let totalSeconds = 0;
  let totalBytes = 0;
  console.log("kura catalog check (in process):");
  for (const kind of KINDS) {
    let best = Infinity;
    let bytes = 0;
    let findings = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const report = (await checkLibraryFolder(`${data}/${kind}`))!;
      best = Math.min(best, (performance.now() - start) / 1000);
      bytes = report.bytes;
      findings = report.findings.length;
    }
    totalSeconds += best;
    totalBytes += bytes;
    console.log(
      `  ${kind.padEnd(10)} ${mb(bytes).padStart(7)} MB  ${best.toFixed(2)} s  ${
        (bytes / 1e6 / best).toFixed(1)
      } MB/s  (${findings} findings)`,
    );
  }
  console.log(
    `  ${"all".padEnd(10)} ${mb(totalBytes).padStart(7)} MB  ${totalSeconds.toFixed(2)} s  ${
      (totalBytes / 1e6 / totalSeconds).toFixed(1)
    } MB/s  (target: under 3 s)`,
  );

  const cliStart = performance.now();
  const cli = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-env",
      "src/main.ts",
      "catalog",
      "check",
      ...KINDS.map((k) => `${data}/${k}`),
    ],
    cwd: new URL("../..", import.meta.url).pathname,
    stdout: "null",
    stderr: "null",
  }).output();
  console.log(
    `  whole command, process start included: ${
      ((performance.now() - cliStart) / 1000).toFixed(2)
    } s (exit ${cli.code})\n`,
  );

  const schemaSeconds = await jsonschemaSeconds(data);
  if (schemaSeconds === undefined) {
    console.log(
      "python3 -m jsonschema is not available (Debian: python3-jsonschema); comparison skipped\n",
    );
  } else {
    console.log(
      `python3 -m jsonschema, schema only, same files (one run): ${schemaSeconds.toFixed(2)} s`,
    );
    console.log(
      `  kura (schema + extra rules + formatting) is ${
        (schemaSeconds / totalSeconds).toFixed(1)
      }× faster (target: at least 10×)\n`,
    );
  }

  const loads: { ms: number; rss: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-read",
        new URL("main.ts", import.meta.url).pathname,
        "catalog",
        "--load-only",
        data,
      ],
      stdout: "piped",
      stderr: "inherit",
    }).output();
    loads.push(JSON.parse(new TextDecoder().decode(out.stdout)));
  }
  const load = loads.sort((a, b) => a.ms - b.ms)[0]!;
  console.log("Loading the full libraries into the catalog (fresh process):");
  console.log(
    `  ${(load.ms / 1000).toFixed(2)} s (target: under 1 s), RSS ${
      mb(load.rss)
    } MB (target: under 200 MB)`,
  );

  const catalog = await loadCatalog(libraries(data));
  const tags = catalog.taxonomies.flatMap((t) =>
    t.predicates.flatMap((p) =>
      p.entries
        ? p.entries.map((e) => `${t.namespace}:${p.value}="${e.value}"`)
        : [`${t.namespace}:${p.value}`]
    )
  ).concat(
    catalog.clusters.flatMap((c) => c.values.map((v) => `misp-galaxy:${c.type}="${v.value}"`)),
  );
  const start = performance.now();
  let resolved = 0;
  for (let round = 0; round < 5; round++) {
    for (const tag of tags) if (catalog.resolveTag(tag).kind !== "free-form") resolved++;
  }
  const perSecond = resolved / ((performance.now() - start) / 1000);
  console.log(
    `  tag lookups: ${
      (perSecond / 1e6).toFixed(2)
    } million per second over ${tags.length} real tags (hash lookups)\n`,
  );
  console.log("Rerun: deno task bench catalog [path/to/misp-data]");
  console.log("Figures vary with machine load; measure on a quiet machine before quoting them.");
}

function libraries(data: string) {
  return { taxonomies: `${data}/taxonomies`, galaxy: `${data}/galaxy`, objects: `${data}/objects` };
}

async function loadOnly(data: string): Promise<void> {
  const start = performance.now();
  await loadCatalog(libraries(data));
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rss: Deno.memoryUsage().rss }));
}

/** Seconds python-jsonschema takes to validate the same files against their schemas, if installed. */
async function jsonschemaSeconds(data: string): Promise<number | undefined> {
  const probe = await new Deno.Command("python3", {
    args: ["-c", "import jsonschema"],
    stdout: "null",
    stderr: "null",
  }).output().catch(() => undefined);
  if (!probe?.success) return undefined;
  const groups: [string, string, (path: string) => boolean][] = [
    ["taxonomies", "schema.json", (p) => p.endsWith("/machinetag.json")],
    ["galaxy", "schema_clusters.json", (p) => p.startsWith("clusters/")],
    ["galaxy", "schema_galaxies.json", (p) => p.startsWith("galaxies/")],
    ["galaxy", "schema_vocabularies.json", (p) => p.startsWith("vocabularies/")],
    ["galaxy", "schema_misp.json", (p) => p.startsWith("misp/")],
    ["objects", "schema_objects.json", (p) => p.startsWith("objects/")],
    ["objects", "schema_relationships.json", (p) => p.startsWith("relationships/")],
  ];
  // One run: it takes minutes, so its variance does not matter.
  const start = performance.now();
  for (const [kind, schema, wanted] of groups) {
    const root = `${data}/${kind}`;
    const files = (await listLibraryFiles(root, kind as LibraryKind)).filter(wanted);
    await new Deno.Command("python3", {
      args: [
        "-W",
        "ignore",
        "-m",
        "jsonschema",
        ...files.flatMap((f) => ["-i", `${root}/${f}`]),
        `${root}/${schema}`,
      ],
      stdout: "null",
      stderr: "null",
    }).output();
  }
  return (performance.now() - start) / 1000;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
