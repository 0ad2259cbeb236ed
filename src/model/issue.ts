/**
 * @module
 * The one shape every finding takes, from schema checks to catalog checks: data, never exceptions.
 */

/** How bad a finding is: errors make a file invalid, warnings are reported but accepted. */
export type Severity = "error" | "warning";

/** One finding about a piece of data: a stable rule code, where it is and a plain message. */
export interface Issue {
  /** Stable rule identifier such as `attribute.value.md5`; scripts and tests match on it. */
  readonly code: string;
  readonly severity: Severity;
  /** JSON path inside the document, e.g. `Event.Attribute[3].value`; empty for the whole file. */
  readonly path: string;
  /** Names the value and the rule it breaks. */
  readonly message: string;
}

/** Builds an error-level issue. */
export function error(code: string, path: string, message: string): Issue {
  return { code, severity: "error", path, message };
}

/** Builds a warning-level issue. */
export function warning(code: string, path: string, message: string): Issue {
  return { code, severity: "warning", path, message };
}

/** True when at least one issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

/** Counts errors and warnings. */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
