/**
 * @module
 * `kura merge-file <base> <ours> <theirs> [<path>]`: a git merge driver for kura's data files. Git
 * merges text by lines, so two edits of one event (each moves `Event.timestamp`) always conflict,
 * even when one analyst added an attribute and another a tag. This driver merges by meaning
 * (merge/three_way.ts), writes the result in canonical form over `<ours>` as git expects, and
 * exits 1 when something needs a person: a conflict, or a merged event that does not validate.
 * Files that are not JSON get git's own line merge. `--install` sets the driver up in the data
 * folder's repository.
 */
import { mergeThreeWay } from "../merge/mod.ts";
import { parseEventDocument, stringifyCanonical } from "../model/mod.ts";
import { UsageError } from "../errors.ts";
import { recordKindOf, writeFileAtomic } from "../store/mod.ts";
import { validateBlocklistDocument, validateEvent } from "../validate/mod.ts";
import { canonicalText } from "./canonical_text.ts";
import { type CliEnv, type Command, COMMON_HELP, Exit } from "./command.ts";
import { configFromFlags, parseFlags } from "./parse_flags.ts";

const ATTRIBUTES_LINE = "*.json merge=kura";

/** `kura merge-file`. */
export const mergeFileCommand: Command = {
  name: "merge-file",
  summary: "git merge driver: merge two edits of a data file by uuid, not by line",
  help: `Usage: kura merge-file <base> <ours> <theirs> [<path>]
       kura merge-file --install

Merges two edits of a data file the way a reviewer would: attributes, objects, references,
reports and blocklist entries by uuid, tags by name, fields one by one; timestamp and
publish_timestamp take the later value. Writes the result over <ours> in canonical form (git's
merge-driver contract) and exits 0, or 1 when a person must look: each conflict is printed with
base, ours and theirs, and the file keeps our side there (or the side that still has an item
the other deleted); a merged event that does not validate counts as a conflict too. A file that
is not JSON gets git's own line merge (git merge-file).

--install sets the driver up in the git repository of the data folder:
  git config merge.kura.driver "<deno> run … kura merge-file %O %A %B %P"
  and "${ATTRIBUTES_LINE}" in <data>/.gitattributes (commit it so the team shares it).

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, { install: { type: "boolean" } });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    if (flags.values.install) {
      const config = await configFromFlags(flags.values, env);
      return await install(config.data, env);
    }
    const [base, ours, theirs, path] = flags.positionals;
    if (base === undefined || ours === undefined || theirs === undefined) {
      throw new UsageError("merge-file needs <base> <ours> <theirs> (git passes %O %A %B %P)");
    }
    const shown = path ?? ours;
    const texts = await Promise.all([base, ours, theirs].map(readOptional));
    const parsed = texts.map((text) => (text === undefined ? { value: undefined } : parse(text)));
    if (parsed.some((result) => result === undefined)) {
      env.stderr(`kura merge-file: ${shown}: not JSON on every side; merging lines instead\n`);
      return await lineMerge(base, ours, theirs);
    }
    const [baseValue, ourValue, theirValue] = parsed.map((result) => result!.value);
    const merged = mergeThreeWay(baseValue, ourValue, theirValue);
    const kindPath = path ?? ours;
    const text = canonicalText(kindPath, merged.value) ?? stringifyCanonical(merged.value);
    await writeFileAtomic(ours, text);
    for (const conflict of merged.conflicts) {
      env.stderr(
        `kura merge-file: ${shown}: conflict at ${
          conflict.path || "(root)"
        }: kept ${conflict.kept}` +
          ` (base ${brief(conflict.base)}, ours ${brief(conflict.ours)}, theirs ${
            brief(conflict.theirs)
          })\n`,
      );
    }
    const invalid = problems(kindPath, JSON.parse(text));
    for (const problem of invalid) {
      env.stderr(`kura merge-file: ${shown}: the merge is not valid: ${problem}\n`);
    }
    return merged.conflicts.length > 0 || invalid.length > 0 ? Exit.Invalid : Exit.Ok;
  },
};

async function readOptional(path: string): Promise<string | undefined> {
  try {
    const text = await Deno.readTextFile(path);
    return text.trim() === "" ? undefined : text; // git passes an empty base for a file both added
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) return undefined;
    throw cause;
  }
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The errors of the merged record, for the kinds with content rules of their own. */
function problems(path: string, value: unknown): string[] {
  const kind = recordKindOf(path);
  const issues = kind === "event"
    ? (() => {
      const parsed = parseEventDocument(value);
      return parsed.event ? validateEvent(parsed.event) : parsed.issues;
    })()
    : kind === "blocklist"
    ? validateBlocklistDocument(value)
    : [];
  return issues.filter((issue) => issue.severity === "error").map((issue) =>
    `${issue.path}: ${issue.message} [${issue.code}]`
  );
}

function brief(value: unknown): string {
  if (value === undefined) return "absent";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Git's own line merge into `ours` (conflict markers where lines clash). */
async function lineMerge(base: string, ours: string, theirs: string): Promise<number> {
  const empty = await Deno.makeTempFile({ prefix: "kura-merge-base-" });
  try {
    const baseFile = (await readOptional(base)) === undefined ? empty : base;
    const run = await new Deno.Command("git", {
      args: ["merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, baseFile, theirs],
      stdout: "null",
      stderr: "inherit",
    }).output();
    return run.code === 0 ? Exit.Ok : Exit.Invalid;
  } finally {
    await Deno.remove(empty).catch(() => {});
  }
}

/** Configures the driver in the data folder's repository. */
async function install(dataDir: string, env: CliEnv): Promise<number> {
  const git = async (...args: string[]) => {
    const run = await new Deno.Command("git", {
      args,
      cwd: dataDir,
      stdout: "piped",
      stderr: "piped",
    })
      .output();
    if (!run.success) {
      throw new UsageError(
        `git ${args[0]} in ${dataDir} failed: ${new TextDecoder().decode(run.stderr).trim()}`,
      );
    }
    return new TextDecoder().decode(run.stdout).trim();
  };
  await git("rev-parse", "--git-dir"); // the data folder must be in a git work tree
  const main = decodeURIComponent(new URL("../main.ts", import.meta.url).pathname);
  // Git runs drivers in the repository's folder: name kura's deno.json, or its imports go unknown.
  const denoJson = decodeURIComponent(new URL("../../deno.json", import.meta.url).pathname);
  const driver = [
    shellQuote(Deno.execPath()),
    "run --quiet --allow-read --allow-write --allow-env=KURA_* --allow-run=git",
    `--config ${shellQuote(denoJson)}`,
    shellQuote(main),
    "merge-file %O %A %B %P",
  ].join(" ");
  await git("config", "merge.kura.name", "kura: merge MISP JSON by uuid");
  await git("config", "merge.kura.driver", driver);
  const attributes = `${dataDir.replace(/\/+$/, "")}/.gitattributes`;
  const current = await Deno.readTextFile(attributes).catch(() => "");
  if (!current.split("\n").some((line) => line.trim() === ATTRIBUTES_LINE)) {
    const separator = current === "" || current.endsWith("\n") ? "" : "\n";
    await writeFileAtomic(attributes, `${current}${separator}${ATTRIBUTES_LINE}\n`);
  }
  env.stdout(`merge driver "kura" set up in ${dataDir}: ${driver}\n`);
  env.stdout(`${attributes}: ${ATTRIBUTES_LINE} (commit it so everyone merges the same way)\n`);
  return Exit.Ok;
}

function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
