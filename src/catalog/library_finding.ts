/**
 * @module
 * One finding of `kura catalog check`: an issue in a file of a library checkout.
 */
import { error, type Issue, warning } from "../model/mod.ts";
import { isUuid } from "../model/mod.ts";

/** An issue and the file (relative to the checkout) it is about. */
export interface LibraryFinding {
  readonly file: string;
  readonly issue: Issue;
}

/** Collects findings for one checkout. */
export class FindingSink {
  readonly findings: LibraryFinding[] = [];

  /** Records an error. */
  error(file: string, code: string, path: string, message: string): void {
    this.findings.push({ file, issue: error(code, path, message) });
  }

  /** Records a warning. */
  warning(file: string, code: string, path: string, message: string): void {
    this.findings.push({ file, issue: warning(code, path, message) });
  }

  /** Reports an error unless `value` is a well-formed uuid (8-4-4-4-12 hex digits). */
  uuid(file: string, code: string, path: string, value: unknown): value is string {
    if (value === undefined || value === null) return false;
    if (isUuid(value)) return true;
    this.error(file, code, path, `${JSON.stringify(value)} is not a well-formed uuid`);
    return false;
  }
}

/** Where a value was first seen, for "already used at" messages. */
export interface Location {
  readonly file: string;
  readonly path: string;
}

/** `file path` as messages show a location. */
export function where(location: Location): string {
  return location.path === "" ? location.file : `${location.file} ${location.path}`;
}
