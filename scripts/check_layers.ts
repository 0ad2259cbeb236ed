/**
 * @module
 * Enforces the layering of ../shared/DESIGN.md: imports point down only, other folders are reached
 * through their `mod.ts`, and pure folders touch no Deno API, network, clock or randomness.
 * Run by `deno task layers` (part of `deno task ok`); exits 1 listing every violation.
 */

/** Rank of each place in `src/`: a file may import only from lower ranks or its own folder. */
const RANK: Record<string, number> = {
  "errors.ts": 0,
  model: 0,
  catalog: 1,
  config: 1,
  access: 2,
  validate: 2,
  merge: 3,
  feed: 3,
  store: 4,
  watch: 4,
  sync: 5,
  publish: 5,
  http: 6,
  "daemon.ts": 7,
  cli: 8,
  "main.ts": 9,
};

const PURE = new Set(["model", "catalog", "validate", "merge", "feed", "access", "config"]);
/** Files of pure folders allowed to do I/O (the loader half of config). */
const IO_EXCEPTIONS = [/^config\/load_[a-z_]+\.ts$/];
const IMPURE_PATTERNS: [RegExp, string][] = [
  [/\bDeno\./, "uses the Deno API"],
  [/\bfetch\(/, "uses fetch"],
  [/\bset(?:Timeout|Interval)\(/, "uses timers"],
  [/\bDate\.now\(/, "reads the clock"],
  [/\bnew Date\(\s*\)/, "reads the clock"],
  [/\bperformance\.now\(/, "reads the clock"],
  [/\bMath\.random\(/, "uses randomness"],
  [/\brandomUUID\(/, "uses randomness"],
  [/\bgetRandomValues\(/, "uses randomness"],
  [/from\s+["']node:(?!util|buffer)/, "imports a node: I/O module"],
];

const problems: string[] = [];

for await (const file of walk("src")) {
  const relative = file.slice("src/".length);
  const place = placeOf(relative);
  const rank = RANK[place];
  if (rank === undefined) {
    problems.push(`${file}: "${place}" is not a known layer; add it to scripts/check_layers.ts`);
    continue;
  }
  const text = await Deno.readTextFile(file);
  const code = stripComments(text);
  if (PURE.has(place) && !IO_EXCEPTIONS.some((re) => re.test(relative))) {
    for (const [pattern, what] of IMPURE_PATTERNS) {
      if (pattern.test(code)) problems.push(`${file}: pure folder "${place}" ${what}`);
    }
  }
  for (const specifier of importsOf(code)) {
    if (!specifier.startsWith(".")) continue;
    const target = normalise(dirname(relative), specifier);
    if (target.startsWith("..")) {
      problems.push(`${file}: imports ${specifier}, outside src/`);
      continue;
    }
    const targetPlace = placeOf(target);
    if (targetPlace === place) continue;
    const targetRank = RANK[targetPlace];
    if (targetRank === undefined || targetRank >= rank) {
      problems.push(
        `${file}: "${place}" may not import from "${targetPlace}" (layers point down only)`,
      );
    }
    if (!targetPlace.endsWith(".ts") && target !== `${targetPlace}/mod.ts`) {
      problems.push(
        `${file}: imports ${specifier}; other folders are reached through their mod.ts`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`${problems.length} layer violation(s)`);
  Deno.exit(1);
}
console.log("layers ok");

function placeOf(relative: string): string {
  const slash = relative.indexOf("/");
  return slash === -1 ? relative : relative.slice(0, slash);
}

async function* walk(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) yield* walk(path);
    else if (entry.name.endsWith(".ts")) yield path;
  }
}

function importsOf(code: string): string[] {
  const found: string[] = [];
  const re = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of code.matchAll(re)) found.push(match[1] ?? match[2]!);
  return found;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function normalise(base: string, specifier: string): string {
  const parts = base === "" ? [] : base.split("/");
  for (const segment of specifier.split("/")) {
    if (segment === "." || segment === "") continue;
    if (segment === "..") {
      if (parts.length === 0) return `../${specifier}`;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/");
}
