/**
 * @module
 * Printing findings in the three output formats shared by `validate`, `fmt` and `catalog check`:
 * human lines `file: json-path: message [code]`, one JSON document, or GitHub Actions annotations.
 */
import type { Issue } from "../model/mod.ts";

/** Output formats of findings. */
export const REPORT_FORMATS = ["human", "json", "github"] as const;
/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The findings of one file. */
export interface FileReport {
  readonly file: string;
  readonly issues: readonly Issue[];
}

/** Totals over a run. */
export interface ReportSummary {
  files: number;
  valid: number;
  invalid: number;
  errors: number;
  warnings: number;
}

/** Formats one file's findings as lines (human or github); empty for json, which is written at the end. */
export function formatFileReport(report: FileReport, format: ReportFormat): string {
  if (format === "json" || report.issues.length === 0) return "";
  const lines = report.issues.map((issue) =>
    format === "github" ? githubLine(report.file, issue) : humanLine(report.file, issue)
  );
  return `${lines.join("\n")}\n`;
}

/** One human-readable line: `file: json-path: message [code]`. */
export function humanLine(file: string, issue: Issue): string {
  const where = issue.path === "" ? file : `${file}: ${issue.path}`;
  const level = issue.severity === "warning" ? "warning: " : "";
  return `${where}: ${level}${issue.message} [${issue.code}]`;
}

/** One GitHub Actions workflow command, e.g. `::error file=a.json,title=code::path: message`. */
export function githubLine(file: string, issue: Issue): string {
  const level = issue.severity === "error" ? "error" : "warning";
  const message = issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
  return `::${level} file=${escapeProperty(file)},title=${escapeProperty(issue.code)}::${
    escapeData(message)
  }`;
}

/** Human summary line. */
export function formatSummary(summary: ReportSummary): string {
  return `${summary.files} file(s): ${summary.valid} valid, ${summary.invalid} invalid; ` +
    `${summary.errors} error(s), ${summary.warnings} warning(s)\n`;
}

/** The whole run as one JSON document. */
export function formatJsonReport(reports: readonly FileReport[], summary: ReportSummary): string {
  return `${
    JSON.stringify(
      {
        summary,
        files: reports.map((report) => ({
          file: report.file,
          valid: !report.issues.some((issue) => issue.severity === "error"),
          issues: report.issues,
        })),
      },
      null,
      2,
    )
  }\n`;
}

/** Adds one file's findings to the totals. */
export function addToSummary(summary: ReportSummary, issues: readonly Issue[]): void {
  summary.files++;
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  summary.errors += errors;
  summary.warnings += issues.length - errors;
  if (errors > 0) summary.invalid++;
  else summary.valid++;
}

/** A fresh, zeroed summary. */
export function emptySummary(): ReportSummary {
  return { files: 0, valid: 0, invalid: 0, errors: 0, warnings: 0 };
}

function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
