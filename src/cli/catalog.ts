/**
 * @module
 * `kura catalog check [folders…]`: the CI validator for checkouts of misp-taxonomies, misp-galaxy and
 * misp-objects. Prints findings like `kura validate` and, with `--fix`, rewrites files into each
 * repository's canonical jq formatting.
 */
import { type Issue } from "../model/mod.ts";
import { checkLibraryFolder, type LibraryReport } from "../store/mod.ts";
import { UsageError } from "../errors.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { displayPath } from "./display_path.ts";
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

/** `kura catalog`. */
export const catalogCommand: Command = {
  name: "catalog",
  summary: "check checkouts of misp-taxonomies, misp-galaxy and misp-objects (CI validator)",
  help: `Usage: kura catalog check [options] [folders…]

Checks checkouts of the MISP library repositories (misp-taxonomies, misp-galaxy, misp-objects;
the kind of each folder is detected): every file against its upstream JSON schema, the rules upstream
CI misses (missing values, duplicates, dangling references, MANIFEST.json, galaxy/cluster pairing,
unknown relations and types), and each repository's canonical jq formatting. Default folders: the
libraries configured in kura.json. Prints one line per finding as "file: json-path: message [rule]".

Options:
  --fix             rewrite files that are not in canonical form (nothing else is changed)
  --format <f>      human (default), json (one document), github (Actions annotations)
  --strict          warnings count as errors
  --quiet           print only errors and the summary

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      fix: { type: "boolean" },
      format: { type: "string" },
      strict: { type: "boolean" },
      quiet: { type: "boolean" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const [action, ...given] = flags.positionals;
    if (action !== "check") {
      throw new UsageError(
        action === undefined
          ? "missing action: kura catalog check [folders…]"
          : `unknown action "${action}"; the only one is "check"`,
      );
    }
    const format = parseFormat(flags.values.format, REPORT_FORMATS, "human");
    let folders = given.map((path) => (path.startsWith("/") ? path : `${env.cwd}/${path}`));
    if (folders.length === 0) {
      const config = await configFromFlags(flags.values, env);
      const { taxonomies, galaxy, objects } = config.libraries;
      folders = [taxonomies, galaxy, objects].filter((path): path is string => path !== undefined);
      if (folders.length === 0) {
        throw new UsageError(
          "name the folders to check (no libraries are configured in kura.json)",
        );
      }
    }
    const summary = emptySummary();
    const reports: FileReport[] = [];
    let fixed = 0;
    for (const folder of folders.map((path) => path.replace(/(.)\/+$/, "$1"))) {
      const report = await checkFolder(folder, flags.values.fix ?? false);
      fixed += report.fixed.length;
      for (const fileReport of fileReports(report, env.cwd, flags.values)) {
        addToSummary(summary, fileReport.issues);
        if (format === "json") reports.push(fileReport);
        else env.stdout(formatFileReport(fileReport, format));
      }
    }
    if (format === "json") env.stdout(formatJsonReport(reports, summary));
    else {
      env.stderr(formatSummary(summary));
      if (flags.values.fix) env.stderr(`${fixed} file(s) rewritten into canonical form\n`);
    }
    return summary.errors > 0 ? Exit.Invalid : Exit.Ok;
  },
};

async function checkFolder(folder: string, fix: boolean): Promise<LibraryReport> {
  let report: LibraryReport | undefined;
  try {
    report = await checkLibraryFolder(folder, { fix });
  } catch (cause) {
    throw new UsageError(`cannot read folder "${folder}": ${(cause as Error).message}`);
  }
  if (!report) {
    throw new UsageError(
      `"${folder}" is not a checkout of misp-taxonomies, misp-galaxy or misp-objects`,
    );
  }
  return report;
}

function fileReports(
  report: LibraryReport,
  cwd: string,
  options: { strict?: boolean; quiet?: boolean },
): FileReport[] {
  const byFile = new Map<string, Issue[]>();
  for (const file of report.files) byFile.set(file, []);
  for (const { file, issue } of report.findings) {
    let issues = byFile.get(file);
    if (!issues) byFile.set(file, issues = []);
    const final = options.strict && issue.severity === "warning"
      ? { ...issue, severity: "error" as const }
      : issue;
    if (!options.quiet || final.severity === "error") issues.push(final);
  }
  return [...byFile.keys()].sort().map((file) => ({
    file: displayPath(`${report.root}/${file}`, cwd),
    issues: byFile.get(file)!,
  }));
}
