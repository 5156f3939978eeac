/**
 * Calendar dates (`YYYY-MM-DD`) in an IANA time zone, with nothing but Intl: analytics ranges
 * are days as the owner lives them, while rollups are stored in UTC hours.
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(date: string): [number, number, number] {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Midnight UTC of a calendar date, the one arithmetic base for dates (never local time). */
function utcMidnight(date: string): number {
  const [year, month, day] = dateParts(date);
  return Date.UTC(year, month - 1, day);
}

function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `2026-02-30` matches the pattern but is no day: only dates that round-trip are real. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const ms = utcMidnight(value);
  return Number.isFinite(ms) && formatUtcDate(ms) === value;
}

export function addDays(date: string, days: number): string {
  return formatUtcDate(utcMidnight(date) + days * DAY_MS);
}

/** Days from `from` to `to`, both included (1 for the same day). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS) + 1;
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let i = 0, n = daysInclusive(from, to); i < n; i++) dates.push(addDays(from, i));
  return dates;
}

// Building a DateTimeFormat costs far more than using one; a store sees a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone as Intl spells it when that is only a change of case (`utc` → `UTC`), the name as
 * given otherwise (ICU would turn `Asia/Kolkata` into its old alias `Asia/Calcutta`), or null
 * when Intl does not know the zone.
 */
export function canonicalTimeZone(value: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions()
      .timeZone;
    return resolved.toLowerCase() === value.toLowerCase() ? resolved : value;
  } catch {
    return null;
  }
}

/** Wall-clock time in `timeZone` at `ms`, as if that wall clock were UTC. */
function wallClockMs(timeZone: string, ms: number): number {
  const wall = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type in wall) wall[part.type as keyof typeof wall] = Number(part.value);
  }
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The calendar date in `timeZone` at instant `ms`. */
export function localDate(timeZone: string, ms: number): string {
  return formatUtcDate(wallClockMs(timeZone, ms));
}

function offsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockMs(timeZone, whole) - whole;
}

/**
 * The first instant of `date` in `timeZone`: local midnight, or — in a zone whose clocks jump
 * over midnight — the jump. Candidates use the offsets a day either side, so a transition on
 * that day is seen from both ends; the earliest candidate that is on `date` wins.
 */
export function startOfLocalDay(timeZone: string, date: string): number {
  const midnight = utcMidnight(date);
  const candidates = [
    midnight - offsetMs(timeZone, midnight - DAY_MS),
    midnight - offsetMs(timeZone, midnight + DAY_MS),
  ].filter((ms) => localDate(timeZone, ms) === date);
  return candidates.length ? Math.min(...candidates) : midnight - offsetMs(timeZone, midnight);
}

/** The local days `from`..`to` and where each starts (one more start: where `to` ends). */
export interface LocalDays {
  readonly dates: readonly string[];
  readonly starts: readonly number[];
}

export function localDays(timeZone: string, from: string, to: string): LocalDays {
  const dates = eachDate(from, to);
  const starts = [...dates, addDays(to, 1)].map((date) => startOfLocalDay(timeZone, date));
  return { dates, starts };
}

/**
 * Sums UTC-hour rollup rows (oldest first) into local days: `add(day, row)` for each row inside
 * the days. A bucket belongs to the day its start falls on: exact in whole-hour zones; in
 * :30/:45 zones (India, Nepal…) the hour that straddles local midnight counts wholly for the
 * day it starts in, as hour rollups cannot be split.
 */
export function forEachLocalDay<Row extends { readonly hour: string }>(
  rows: readonly Row[],
  days: LocalDays,
  add: (day: number, row: Row) => void,
): void {
  const count = days.dates.length;
  let day = 0;
  for (const row of rows) {
    const at = Date.parse(row.hour);
    if (at < days.starts[0]!) continue;
    while (day < count && at >= days.starts[day + 1]!) day++;
    if (day >= count) break;
    add(day, row);
  }
}
