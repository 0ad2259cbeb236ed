/**
 * @module
 * Small checks shared by every level of an event: uuids, timestamps, distributions, sharing groups,
 * seen-times. Each pushes issues; none throws.
 */
import {
  childPath,
  error,
  isCanonicalUuid,
  type Issue,
  isUuid,
  parseDistribution,
  warning,
} from "../model/mod.ts";

/** Context every rule receives: where to report and the options in force. */
export interface RuleContext {
  readonly issues: Issue[];
  /** Current time in epoch seconds, to flag timestamps from the future; omitted = not checked. */
  readonly now?: number;
}

const DIGITS = /^\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Seen-times: ISO-8601 date-time with optional fraction and zone, as MISP writes them. */
const ISO_DATETIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Allowed clock skew before a timestamp counts as "from the future". */
const FUTURE_SLACK_SECONDS = 24 * 3600;

/** Checks a required or optional uuid field `key` (default `uuid`) of the item at `path`. */
export function checkUuid(
  ctx: RuleContext,
  path: string,
  value: unknown,
  what: string,
  options: { required: boolean; key?: string },
): void {
  const key = options.key ?? "uuid";
  if (value === undefined || value === null || value === "") {
    if (options.required) {
      ctx.issues.push(
        error(`${what}.${key}.missing`, childPath(path, key), `The ${what} has no ${key}`),
      );
    }
    return;
  }
  // Most uuids are canonical: one test settles them.
  if (isCanonicalUuid(value)) return;
  if (!isUuid(value)) {
    ctx.issues.push(
      error(
        `${what}.${key}.invalid`,
        childPath(path, key),
        `${key} "${value}" is not a valid uuid`,
      ),
    );
  } else {
    ctx.issues.push(
      warning(
        `${what}.${key}.case`,
        childPath(path, key),
        `${key} "${value}" should be lower-case, as MISP stores it`,
      ),
    );
  }
}

/** Checks an epoch-seconds timestamp string. */
export function checkTimestamp(
  ctx: RuleContext,
  path: string,
  key: string,
  value: unknown,
  what: string,
  required: boolean,
): void {
  if (value === undefined || value === null || value === "") {
    if (required) {
      ctx.issues.push(
        error(`${what}.${key}.missing`, childPath(path, key), `The ${what} has no ${key}`),
      );
    }
    return;
  }
  if (typeof value !== "string" || !DIGITS.test(value)) {
    ctx.issues.push(
      error(
        `${what}.${key}.invalid`,
        childPath(path, key),
        `${key} "${value}" is not an epoch timestamp in seconds`,
      ),
    );
    return;
  }
  if (ctx.now !== undefined && Number(value) > ctx.now + FUTURE_SLACK_SECONDS) {
    ctx.issues.push(
      warning(
        `${what}.${key}.future`,
        childPath(path, key),
        `${key} ${value} lies more than a day in the future`,
      ),
    );
  }
}

/** Checks a `YYYY-MM-DD` calendar date. */
export function checkDate(ctx: RuleContext, path: string, value: unknown, what: string): void {
  const at = childPath(path, "date");
  if (value === undefined || value === null || value === "") {
    ctx.issues.push(error(`${what}.date.missing`, at, `The ${what} has no date`));
    return;
  }
  const match = typeof value === "string" ? DATE.exec(value) : null;
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    ctx.issues.push(error(`${what}.date.invalid`, at, `date "${value}" is not a YYYY-MM-DD date`));
  }
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Checks `distribution` (0–4 on events, 0–5 below) and its pairing with the sharing group: level 4
 * needs a sharing group; any other level must not name one (misp-behaviour.md §1.1, field-survey §4.2
 * CVE-2026-85533).
 */
export function checkDistribution(
  ctx: RuleContext,
  path: string,
  item: { distribution?: string | null; sharing_group_id?: string | null; SharingGroup?: unknown },
  what: string,
  options: { max: 4 | 5; required: boolean },
): void {
  const raw = item.distribution;
  if (raw === undefined || raw === null || raw === "") {
    if (options.required) {
      ctx.issues.push(
        error(
          `${what}.distribution.missing`,
          childPath(path, "distribution"),
          `The ${what} has no distribution`,
        ),
      );
    }
    return;
  }
  const level = parseDistribution(raw);
  if (level === undefined || level > options.max) {
    ctx.issues.push(
      error(
        `${what}.distribution.invalid`,
        childPath(path, "distribution"),
        `distribution "${raw}" is not allowed on ${article(what)} (0–${options.max})`,
      ),
    );
    return;
  }
  const sgId = item.sharing_group_id;
  const hasSgId = sgId !== undefined && sgId !== null && sgId !== "" && sgId !== "0";
  if (level === 4) {
    const sg = item.SharingGroup as { uuid?: unknown } | undefined;
    if (!hasSgId && !(sg && isUuid(sg.uuid))) {
      ctx.issues.push(
        error(
          `${what}.sharing_group.missing`,
          childPath(path, "sharing_group_id"),
          `distribution 4 (sharing group) needs a sharing group: give SharingGroup with its uuid`,
        ),
      );
    }
  } else if (hasSgId || item.SharingGroup !== undefined) {
    ctx.issues.push(
      error(
        `${what}.sharing_group.unexpected`,
        hasSgId ? childPath(path, "sharing_group_id") : childPath(path, "SharingGroup"),
        `A sharing group is named but distribution is ${level}, not 4; MISP requires sharing_group_id "0"`,
      ),
    );
  }
}

/** Checks `first_seen`/`last_seen` formats and that first_seen ≤ last_seen. */
export function checkSeen(
  ctx: RuleContext,
  path: string,
  item: { first_seen?: string | null; last_seen?: string | null },
  what: string,
): void {
  const first = seenTime(ctx, path, "first_seen", item.first_seen, what);
  const last = seenTime(ctx, path, "last_seen", item.last_seen, what);
  if (first !== undefined && last !== undefined && first > last) {
    ctx.issues.push(
      error(
        `${what}.seen.order`,
        childPath(path, "last_seen"),
        `last_seen "${item.last_seen}" is before first_seen "${item.first_seen}"`,
      ),
    );
  }
}

function seenTime(
  ctx: RuleContext,
  path: string,
  key: string,
  value: string | null | undefined,
  what: string,
): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (DIGITS.test(value)) return Number(value) * (value.length > 12 ? 1 : 1_000_000);
  const millis = ISO_DATETIME.test(value) ? Date.parse(normaliseZone(value)) : NaN;
  if (Number.isNaN(millis)) {
    ctx.issues.push(
      error(
        `${what}.${key}.invalid`,
        childPath(path, key),
        `${key} "${value}" is not an ISO-8601 date-time`,
      ),
    );
    return undefined;
  }
  return millis * 1000 + microsOf(value);
}

function normaliseZone(value: string): string {
  // Date.parse wants "+00:00"; MISP may write "+0000" or no zone (meaning GMT).
  let text = value.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  if (!/T/.test(text)) text += "T00:00:00";
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(text)) text += "Z";
  return text.replace(/\.(\d{3})\d+/, ".$1");
}

function microsOf(value: string): number {
  const fraction = /\.(\d+)/.exec(value)?.[1];
  return fraction && fraction.length > 3 ? Number(fraction.slice(3, 6).padEnd(3, "0")) : 0;
}

function article(what: string): string {
  return /^[aeiou]/.test(what) ? `an ${what}` : `a ${what}`;
}

/** True for a non-empty string. */
export function isFilled(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}
