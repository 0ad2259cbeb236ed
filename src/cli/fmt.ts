/**
 * @module
 * `kura fmt [--check] [paths…]`: rewrite data files into kura's canonical form.
 */
import {
  lockPathFor,
  readJsonFile,
  walkJsonFiles,
  withWriteLock,
  writeFileAtomic,
} from "../store/mod.ts";
import { canonicalText } from "./canonical_text.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { displayPath } from "./display_path.ts";
import { configFromFlags, parseFlags } from "./parse_flags.ts";
import { humanLine } from "./report_issues.ts";

/** `kura fmt`. */
export const fmtCommand: Command = {
  name: "fmt",
  summary: "rewrite data files into canonical form (or --check them)",
  help: `Usage: kura fmt [options] [paths…]

Rewrites events, organisations, sharing groups and proposals (default: the whole data folder) into
kura's canonical form: keys in a fixed order (fields, then nested models), attributes, objects and
references ordered by uuid, MISP's string scalars, 2-space indent, trailing newline. Values are not
changed. Running it twice changes nothing the second time. Files are replaced atomically.

Options:
  --check           change nothing; list the files that are not canonical and exit 1 if any

Exit status: 0 all canonical (or rewritten), 1 files differ (--check) or cannot be parsed,
2 usage or I/O error.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, { check: { type: "boolean" } });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const config = await configFromFlags(flags.values, env);
    const paths = flags.positionals.length > 0
      ? flags.positionals.map((path) => (path.startsWith("/") ? path : `${env.cwd}/${path}`))
      : [config.data];
    const check = flags.values.check ?? false;
    let differing = 0;
    let broken = 0;
    let rewritten = 0;
    let files = 0;
    const pass = async () => {
      for await (const { path, root } of walkJsonFiles(paths)) {
        files++;
        const shown = displayPath(path, env.cwd);
        const json = await readJsonFile(path, {
          maxBytes: config.limits.maxEventBytes,
          confineTo: root,
        });
        const canonical = json.value === undefined ? undefined : canonicalText(path, json.value);
        if (canonical === undefined) {
          broken++;
          const issue = json.issues[0];
          env.stderr(
            issue
              ? `${humanLine(shown, issue)}\n`
              : `${shown}: cannot be formatted: its shape is not valid\n`,
          );
          continue;
        }
        const current = await Deno.readTextFile(path);
        if (current === canonical) continue;
        differing++;
        if (check) env.stdout(`${shown}\n`);
        else {
          await writeFileAtomic(path, canonical);
          rewritten++;
        }
      }
    };
    // --check only reads: it needs neither the lock nor write permission.
    if (check) await pass();
    else await withWriteLock(await lockPathFor(config.data), pass);
    if (check) {
      env.stderr(`${files} file(s) checked, ${differing} not canonical, ${broken} unreadable\n`);
      return differing > 0 || broken > 0 ? Exit.Invalid : Exit.Ok;
    }
    env.stderr(`${files} file(s) checked, ${rewritten} rewritten, ${broken} unreadable\n`);
    return broken > 0 ? Exit.Invalid : Exit.Ok;
  },
};
