/**
 * @module
 * `deno task bench <name> [args…]`: runs `scripts/bench/<name>.ts`. Without a name, lists them.
 * Benchmarks print their figures and the command to rerun them; they are not tests.
 */
const [name, ...rest] = Deno.args;
const dir = new URL(".", import.meta.url).pathname;
const available: string[] = [];
for await (const entry of Deno.readDir(dir)) {
  if (entry.name.endsWith(".ts") && entry.name !== "main.ts" && !entry.name.startsWith("_")) {
    available.push(entry.name.slice(0, -3));
  }
}
available.sort();
if (!name || !available.includes(name)) {
  console.log(
    `Usage: deno task bench <name> [args…]\nBenchmarks: ${available.join(", ") || "(none yet)"}`,
  );
  Deno.exit(name ? 2 : 0);
}
const module = await import(`./${name}.ts`) as { main(args: string[]): Promise<void> };
await module.main(rest);
