/**
 * @module
 * `kura validate [paths…]`: the verdict on every data file, for people and for CI.
 */
import { checkDataFile, walkJsonFiles } from "../store/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { configFromFlags, parseFlags, parseFormat } from "./parse_flags.ts";
import {
  addToSummary,
  emptySummary,
  type FileReport,
  formatFileReport,
  formatJsonReport,
  formatSummary,
  REPORT_FORMATS,
} from "./report_issues.ts";
import { displayPath } from "./display_path.ts";
import { eventChecksFor } from "./event_checks.ts";

/** `kura validate`. */
export const validateCommand: Command = {
  name: "validate",
  summary: "validate events, organisations, sharing groups and proposals",
  help: `Usage: kura validate [options] [paths…]

Validates data files against the MISP data model: every file or folder given (default: the data
folder). Prints one line per finding as "file: json-path: message [rule]" and a summary.
Never writes anything.

Options:
  --format <f>      human (default), json (one document), github (Actions annotations)
  --strict-tags     unknown or disabled tags are errors, not warnings
  --quiet           print only errors and the summary

Exit status: 0 all valid, 1 invalid input found, 2 usage or I/O error.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      format: { type: "string" },
      "strict-tags": { type: "boolean" },
      quiet: { type: "boolean" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const format = parseFormat(flags.values.format, REPORT_FORMATS, "human");
    const config = await configFromFlags(flags.values, env);
    const paths = flags.positionals.length > 0
      ? flags.positionals.map((path) => (path.startsWith("/") ? path : `${env.cwd}/${path}`))
      : [config.data];
    const checks = await eventChecksFor(config, {
      strictTags: flags.values["strict-tags"] ?? false,
    });
    const now = Math.floor(env.now().getTime() / 1000);
    const summary = emptySummary();
    const reports: FileReport[] = [];
    for await (const { path, root } of walkJsonFiles(paths)) {
      let issues = await checkDataFile(path, {
        maxBytes: config.limits.maxEventBytes,
        confineTo: root,
        checks,
        now,
      });
      if (flags.values.quiet) issues = issues.filter((issue) => issue.severity === "error");
      addToSummary(summary, issues);
      const report = { file: displayPath(path, env.cwd), issues };
      if (format === "json") reports.push(report);
      else env.stdout(formatFileReport(report, format));
    }
    if (format === "json") env.stdout(formatJsonReport(reports, summary));
    else env.stderr(formatSummary(summary));
    return summary.invalid > 0 ? Exit.Invalid : Exit.Ok;
  },
};
