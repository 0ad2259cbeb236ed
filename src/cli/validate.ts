/**
 * @module
 * `kura validate [paths…]`: the verdict on every data file (and on the feed definitions of the
 * feeds folder, when it is given), for people and for CI.
 */
import { UsageError } from "../errors.ts";
import { joinPath } from "../config/mod.ts";
import type { Issue } from "../model/mod.ts";
import {
  type FoundFile,
  loadFeedDefinition,
  loadRecordRegistry,
  walkJsonFiles,
} from "../store/mod.ts";
import { checkFilesInOrder } from "./check_files_in_order.ts";
import { checkFilesInWorkers } from "./check_files_in_workers.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import type { FileCheckSettings } from "./file_checks.ts";
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

/** Below this many files, starting worker threads costs more than it saves. */
const MIN_FILES_PER_WORKER = 50;

/** `kura validate`. */
export const validateCommand: Command = {
  name: "validate",
  summary: "validate events, organisations, sharing groups, proposals and the blocklist",
  help: `Usage: kura validate [options] [paths…]

Validates data files against the MISP data model: every file or folder given (default: the data
folder). Files directly in the feeds folder are checked as feed definitions (as "kura feed list"
does), so "kura validate data feeds" checks everything a review can change. Prints one line per finding as "file: json-path: message [rule]" and a summary.
Never writes anything.

Options:
  --format <f>      human (default), json (one document), github (Actions annotations)
  --strict-tags     unknown or disabled tags are errors, not warnings
  --quiet           print only errors and the summary
  --jobs <n>        threads checking files (default: one per CPU core for large runs;
                    1 = no worker threads); output is the same whatever the number

Exit status: 0 all valid, 1 invalid input found, 2 usage or I/O error.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      format: { type: "string" },
      "strict-tags": { type: "boolean" },
      quiet: { type: "boolean" },
      jobs: { type: "string" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const format = parseFormat(flags.values.format, REPORT_FORMATS, "human");
    const givenJobs = parseJobs(flags.values.jobs);
    const config = await configFromFlags(flags.values, env);
    const paths = flags.positionals.length > 0
      ? flags.positionals.map((path) => (path.startsWith("/") ? path : `${env.cwd}/${path}`))
      : [config.data];
    const settings: FileCheckSettings = {
      config,
      strictTags: flags.values["strict-tags"] ?? false,
      now: Math.floor(env.now().getTime() / 1000),
    };
    const files: FoundFile[] = [];
    for await (const file of walkJsonFiles(paths)) files.push(file);
    // Files directly in the feeds folder are feed definitions, checked as `kura feed list` does.
    const feedsDir = joinPath("/", config.feeds);
    const isDefinition = (path: string) => {
      const absolute = joinPath(env.cwd, path);
      return absolute.slice(0, absolute.lastIndexOf("/")) === feedsDir;
    };
    const dataFiles = files.filter((file) => !isDefinition(file.path));
    let registry: Awaited<ReturnType<typeof loadRecordRegistry>> | undefined;
    const definitionIssues = async (path: string) => {
      registry ??= await loadRecordRegistry(config.data, {
        hostOrg: config.org,
        maxBytes: config.limits.maxEventBytes,
      });
      return (await loadFeedDefinition(path, { context: registry })).issues;
    };
    const jobs = givenJobs ??
      Math.min(navigator.hardwareConcurrency, Math.floor(dataFiles.length / MIN_FILES_PER_WORKER));
    const results =
      (jobs > 1
        ? checkFilesInWorkers(dataFiles, { settings, workers: jobs })
        : checkFilesInOrder(dataFiles, settings))[Symbol.asyncIterator]();
    const summary = emptySummary();
    const reports: FileReport[] = [];
    for (const { path } of files) {
      const found = isDefinition(path)
        ? await definitionIssues(path)
        : (await results.next()).value as Issue[];
      const issues = flags.values.quiet
        ? found.filter((issue) => issue.severity === "error")
        : found;
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

/** `--jobs`: a whole number of threads, at least 1; undefined when not given. */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) {
    throw new UsageError(`--jobs must be a whole number from 1 to 256; got "${value}"`);
  }
  return jobs;
}
