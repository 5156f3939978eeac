/**
 * Local calendar days of UTC instants in an IANA time zone, cheaply: the zone's UTC offset is
 * looked up at a few points and between them only where it changes (DST), instead of asking
 * Intl for each of a year's 8,760 hours (which alone costs more than the queries measured).
 */

const HOUR_MS = 60 * 60 * 1000;
/** Offsets change at most once between samples this far apart (real zones: twice a year). */
const SAMPLE_MS = 28 * 24 * HOUR_MS;

export interface OffsetSpan {
  /** First instant (ms) this offset applies from. */
  readonly fromMs: number;
  readonly offsetMinutes: number;
}

function offsetReader(timeZone: string): (ms: number) => number {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  return (ms) => {
    const name = format.formatToParts(ms).find((part) => part.type === "timeZoneName")?.value;
    const match = /GMT([+-])(\d\d):(\d\d)/.exec(name ?? "");
    if (!match) return 0; // "GMT": UTC itself
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return match[1] === "-" ? -minutes : minutes;
  };
}

/** The offsets in force over [fromMs, toMs), each from the whole hour it starts at. */
export function offsetSpans(timeZone: string, fromMs: number, toMs: number): OffsetSpan[] {
  const offsetAt = offsetReader(timeZone);
  const spans: OffsetSpan[] = [{ fromMs, offsetMinutes: offsetAt(fromMs) }];
  for (let start = fromMs; start < toMs; start += SAMPLE_MS) {
    const end = Math.min(start + SAMPLE_MS, toMs - HOUR_MS);
    const before = spans[spans.length - 1]!.offsetMinutes;
    if (end <= start || offsetAt(end) === before) continue;
    // Binary search for the first hour with the new offset.
    let low = start; // has `before`
    let high = end; // has the new offset
    while (high - low > HOUR_MS) {
      const middle = low + Math.floor((high - low) / 2 / HOUR_MS) * HOUR_MS;
      if (offsetAt(middle) === before) low = middle;
      else high = middle;
    }
    spans.push({ fromMs: high, offsetMinutes: offsetAt(high) });
  }
  return spans;
}

/** The UTC instant of local midnight starting `day` (YYYY-MM-DD) in `timeZone`. */
export function localMidnight(day: string, timeZone: string): number {
  const offsetAt = offsetReader(timeZone);
  const wall = Date.parse(`${day}T00:00:00.000Z`);
  // Twice: the offset at the guess can differ from the offset at the answer near a change.
  let guess = wall - offsetAt(wall) * 60_000;
  guess = wall - offsetAt(guess) * 60_000;
  return guess;
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function localToday(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
}
