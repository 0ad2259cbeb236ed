/**
 * @module
 * `deno task bench validate [--events N] [--attributes M] [--jobs J] [--runs R] [--dir D] [--keep]`:
 * writes N realistic events of M mixed-type attributes (hashes, IPs, domains, URLs, composite types,
 * objects with references) into a temp data folder, then times `kura validate` over it in a fresh
 * process, sampling the child's peak RSS (VmHWM) and CPU time from /proc while it runs. Prints
 * attributes/s, MB/s, peak RSS, the targets and the command to rerun. Defaults: 10,000 × 100, 1 run.
 */
import { parseArgs } from "node:util";
import { writeBenchEvents } from "./_bench_events.ts";

const TARGET_ATTRIBUTES_PER_SECOND = 250_000;
const TARGET_PEAK_RSS_MB = 512;
const POLL_MS = 20;
const REPO = new URL("../../", import.meta.url).pathname;

interface RunFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  summary: string;
}

/** Runs the benchmark with command-line `args`. */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      events: { type: "string", default: "10000" },
      attributes: { type: "string", default: "100" },
      jobs: { type: "string" },
      runs: { type: "string", default: "1" },
      dir: { type: "string" },
      keep: { type: "boolean", default: false },
    },
  });
  const events = Number(values.events);
  const attributes = Number(values.attributes);
  const runs = Math.max(1, Number(values.runs));
  const dir = values.dir ?? await Deno.makeTempDir({ prefix: "kura-bench-validate-" });
  const meta = `${dir}/bench-meta.json`;
  const wanted = JSON.stringify({ events, attributes });
  let bytes: number;
  const existing = await Deno.readTextFile(meta).then(JSON.parse, () => undefined);
  if (
    existing &&
    JSON.stringify({ events: existing.events, attributes: existing.attributes }) === wanted
  ) {
    bytes = existing.bytes;
    console.log(`Reusing ${events} events in ${dir}/data`);
  } else {
    console.log(`Writing ${events} events × ${attributes} attributes into ${dir}/data …`);
    await Deno.remove(`${dir}/data`, { recursive: true }).catch(() => {});
    bytes = await writeBenchEvents(`${dir}/data`, { events, attributes });
    await Deno.writeTextFile(meta, JSON.stringify({ events, attributes, bytes }));
  }
  const total = events * attributes;
  const validateArgs = ["validate", ...(values.jobs ? ["--jobs", values.jobs] : []), "data"];
  const figures: RunFigures[] = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const result = await timeValidate(dir, validateArgs);
      figures.push(result);
      console.log(
        `run ${run}: ${result.seconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU, ` +
          `peak RSS ${result.peakRssMb.toFixed(0)} MB — ${result.summary}`,
      );
    }
  } finally {
    if (!values.keep && !values.dir) await Deno.remove(dir, { recursive: true });
  }
  const best = figures.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const peak = Math.max(...figures.map((f) => f.peakRssMb));
  const rate = total / best.seconds;
  const mb = bytes / 1e6;
  console.log(
    `
kura validate over ${events.toLocaleString("en")} events × ${attributes} attributes ` +
      `= ${total.toLocaleString("en")} attributes, ${
        mb.toFixed(1)
      } MB, ${navigator.hardwareConcurrency} cores
  best wall time     ${best.seconds.toFixed(2)} s (CPU ${best.cpuSeconds.toFixed(2)} s)
  attributes/s       ${Math.round(rate).toLocaleString("en")}   (target ≥ ${
        TARGET_ATTRIBUTES_PER_SECOND.toLocaleString("en")
      }: ${rate >= TARGET_ATTRIBUTES_PER_SECOND ? "met" : "NOT met"})
  attributes/CPU-s   ${Math.round(total / best.cpuSeconds).toLocaleString("en")}
  MB/s               ${(mb / best.seconds).toFixed(1)}
  peak RSS           ${peak.toFixed(0)} MB   (target < ${TARGET_PEAK_RSS_MB} MB: ${
        peak < TARGET_PEAK_RSS_MB ? "met" : "NOT met"
      })
  load average       ${await loadAverage()} (figures are only meaningful on a quiet machine)

Rerun: deno task bench validate --events ${events} --attributes ${attributes}${
        values.jobs ? ` --jobs ${values.jobs}` : ""
      } --runs ${runs}`,
  );
}

/** Times one `kura validate` child process, sampling its /proc status while it runs. */
async function timeValidate(dir: string, validateArgs: string[]): Promise<RunFigures> {
  const started = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-env=KURA_CONFIG", `${REPO}src/main.ts`, ...validateArgs],
    cwd: dir,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // Deno reads /proc only with --allow-all, so a small bash loop (builtins only, one `sleep` per
  // sample) reports "VmHWM-kB utime+stime-ticks" lines until the child is gone.
  const sampler = new Deno.Command("bash", {
    args: ["-c", SAMPLER, "sampler", String(child.pid), String(POLL_MS / 1000)],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const samples = drain(sampler.stdout);
  const [stdout, stderr] = await Promise.all([drain(child.stdout), drain(child.stderr)]);
  const status = await child.status;
  const seconds = (performance.now() - started) / 1000;
  await sampler.status;
  let peakKb = 0;
  let cpuTicks = 0;
  for (const line of (await samples).split("\n")) {
    const [hwm, ticks] = line.split(" ").map(Number);
    if (hwm) peakKb = Math.max(peakKb, hwm);
    if (ticks) cpuTicks = Math.max(cpuTicks, ticks);
  }
  if (status.code !== 0) {
    throw new Error(
      `kura validate exited with ${status.code}: ${stderr}\n${stdout.slice(0, 2000)}`,
    );
  }
  return { seconds, cpuSeconds: cpuTicks / 100, peakRssMb: peakKb / 1024, summary: stderr.trim() };
}

/** Samples `/proc/$1` every `$2` seconds: VmHWM in kB and utime+stime in clock ticks (man 5 proc). */
const SAMPLER = [
  'pid="$1"; interval="$2"',
  'while [ -r "/proc/$pid/stat" ]; do',
  "  hwm=0",
  '  while read -r key value _; do [ "$key" = "VmHWM:" ] && hwm="$value"; done \\',
  '    < "/proc/$pid/status" 2>/dev/null',
  '  read -r stat < "/proc/$pid/stat" 2>/dev/null || break',
  "  fields=(${stat##*) })",
  '  echo "$hwm $(( fields[11] + fields[12] ))"',
  '  sleep "$interval"',
  "done",
].join("\n");

async function drain(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    if (text.length < 1_000_000) text += decoder.decode(chunk, { stream: true });
  }
  return text;
}

async function loadAverage(): Promise<string> {
  try {
    const { stdout } = await new Deno.Command("cat", { args: ["/proc/loadavg"] }).output();
    return new TextDecoder().decode(stdout).split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}
