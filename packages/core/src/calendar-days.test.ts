import { describe, expect, it } from "vitest";
import {
  addDays,
  canonicalTimeZone,
  daysInclusive,
  eachDate,
  isCalendarDate,
  localDate,
  startOfLocalDay,
} from "./calendar-days";

const at = (ms: number) => new Date(ms).toISOString();

describe("calendar days", () => {
  it("knows real dates from look-alikes", () => {
    expect(["2026-12-01", "2028-02-29", "2026-12-31"].map(isCalendarDate)).toEqual([
      true,
      true,
      true,
    ]);
    for (const value of ["2026-02-29", "2026-13-01", "2026-12-32", "12/01/2026", "2026-1-1", ""]) {
      expect([value, isCalendarDate(value)]).toEqual([value, false]);
    }
  });

  it("counts and walks days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysInclusive("2026-12-01", "2026-12-01")).toBe(1);
    expect(daysInclusive("2028-01-01", "2028-12-31")).toBe(366);
    expect(eachDate("2026-12-30", "2027-01-02")).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
  });

  it("validates zones with Intl and keeps the names people use", () => {
    expect(canonicalTimeZone("utc")).toBe("UTC");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("+05:30")).toBeNull();
  });

  it("finds where a local day starts, through daylight saving changes", () => {
    const starts = (zone: string, date: string) => at(startOfLocalDay(zone, date));
    expect(starts("UTC", "2026-12-06")).toBe("2026-12-06T00:00:00.000Z");
    expect(starts("America/New_York", "2026-12-06")).toBe("2026-12-06T05:00:00.000Z");
    // 1 November 2026 has 25 hours in New York, 8 March 23.
    expect(starts("America/New_York", "2026-11-01")).toBe("2026-11-01T04:00:00.000Z");
    expect(starts("America/New_York", "2026-11-02")).toBe("2026-11-02T05:00:00.000Z");
    expect(starts("America/New_York", "2026-03-09")).toBe("2026-03-09T04:00:00.000Z");
    expect(starts("Asia/Kolkata", "2026-12-06")).toBe("2026-12-05T18:30:00.000Z");
    expect(starts("Asia/Kathmandu", "2026-12-06")).toBe("2026-12-05T18:15:00.000Z");
    expect(starts("Pacific/Kiritimati", "2026-12-06")).toBe("2026-12-05T10:00:00.000Z");
    // Chile's clocks jump from 00:00 to 01:00: that day starts at the jump.
    expect(starts("America/Santiago", "2026-09-06")).toBe("2026-09-06T04:00:00.000Z");
    expect(starts("America/Santiago", "2026-09-07")).toBe("2026-09-07T03:00:00.000Z");
  });

  it("tells the local date of an instant", () => {
    const ms = Date.parse("2026-12-06T03:30:00.000Z");
    expect(localDate("UTC", ms)).toBe("2026-12-06");
    expect(localDate("America/New_York", ms)).toBe("2026-12-05");
    expect(localDate("Asia/Kolkata", Date.parse("2026-12-06T18:30:00.000Z"))).toBe("2026-12-07");
  });
});
