/**
 * @module
 * The `datetime` type (misp-behaviour.md §4.3–4.4): MISP accepts what PHP's `strtotime` reads and
 * stores it as `Y-m-d\TH:i:s.uO` in GMT, e.g. `2019-06-02T22:14:28.711954+0000`. kura reads ISO 8601
 * (date, or date and time with optional seconds, fraction and zone; no zone means GMT, as in MISP) and
 * `@<epoch seconds>`. Relative words (`yesterday`) depend on the clock and impossible dates (which
 * PHP rolls over, 2023-02-30 → 2023-03-02) are refused.
 */
import { simpleRule, type ValueRule } from "./value_rule.ts";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/;
const EPOCH = /^@(-?\d{1,12})$/;

/** A point in time: epoch milliseconds plus the microseconds within the millisecond. */
interface Instant {
  readonly millis: number;
  readonly micros: number;
}

/** Reads a datetime value, or undefined when kura cannot read it the way MISP would. */
export function parseDateTime(value: string): Instant | undefined {
  const epoch = EPOCH.exec(value);
  if (epoch) return { millis: Number(epoch[1]) * 1000, micros: 0 };
  const match = ISO.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneMinutes(zone);
  if (offset === undefined) return undefined;
  const digits = fraction.padEnd(6, "0");
  // Date.UTC maps years 0-99 to 1900-1999; setting the year afterwards keeps it as written.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  const base = date.getTime() - offset * 60_000;
  return { millis: base + Number(digits.slice(0, 3)), micros: Number(digits.slice(3, 6)) };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

function zoneMinutes(zone: string): number | undefined {
  if (zone === "Z" || zone === "z" || zone === "UTC" || zone === "GMT") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** MISP's stored form of a datetime, or the value unchanged when it cannot be read. */
export function normalizeDateTime(value: string): string {
  const instant = parseDateTime(value);
  if (instant === undefined) return value;
  const date = new Date(instant.millis);
  const micros = date.getUTCMilliseconds() * 1000 + instant.micros;
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${
    pad(date.getUTCDate())
  }T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${
    pad(micros, 6)
  }+0000`;
}

/** Rule of the `datetime` type. */
export const DATETIME_RULES: ReadonlyMap<string, ValueRule> = new Map([
  [
    "datetime",
    simpleRule({
      code: "value.datetime",
      noun: "a datetime",
      normalize: normalizeDateTime,
      explain: (value) =>
        parseDateTime(value) !== undefined
          ? undefined
          : "expected an ISO 8601 date-time such as 2024-03-01T12:30:00Z",
    }),
  ],
]);
