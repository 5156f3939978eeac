import type { ClickFacet } from "@digistore/db";
import { addDays, eachDate, startOfLocalDay } from "./calendar-days";
import {
  ANALYTICS_FACETS,
  TOP_FACET_VALUES,
  type DailyClicks,
  type FacetCount,
} from "./link-analytics";
import type { HourRow } from "./link-analytics.repository";

/** The local days `from`..`to` and where each starts (one more start: where `to` ends). */
export function localDays(timezone: string, from: string, to: string) {
  const dates = eachDate(from, to);
  const starts = [...dates, addDays(to, 1)].map((date) => startOfLocalDay(timezone, date));
  return { dates, starts };
}

/**
 * Hour buckets summed into local days. A bucket belongs to the day its start falls on: exact in
 * whole-hour zones; in :30/:45 zones (India, Nepal…) the hour that straddles local midnight
 * counts wholly for the day it starts in, as the UTC-hour rollups cannot be split.
 */
export function sumByLocalDay(
  hours: readonly HourRow[],
  days: { readonly dates: readonly string[]; readonly starts: readonly number[] },
): DailyClicks[] {
  const sums = days.dates.map(() => ({ clicks: 0, uniqueVisitors: 0, botClicks: 0 }));
  let day = 0;
  for (const row of hours) {
    const at = Date.parse(row.hour);
    if (at < days.starts[0]!) continue;
    while (day < sums.length && at >= days.starts[day + 1]!) day++;
    if (day >= sums.length) break;
    const sum = sums[day]!;
    sum.clicks += row.clicks;
    sum.uniqueVisitors += row.uniqueVisitors;
    sum.botClicks += row.botClicks;
  }
  return days.dates.map((date, i) => ({ date, ...sums[i]! }));
}

/** The most clicked values of each facet; ties in a stable, alphabetical order. */
export function topFacetValues(
  rows: readonly { facet: ClickFacet; value: string; clicks: number }[],
): Record<ClickFacet, FacetCount[]> {
  const top = Object.fromEntries(ANALYTICS_FACETS.map((facet) => [facet, [] as FacetCount[]]));
  for (const row of rows) top[row.facet]?.push({ value: row.value, clicks: row.clicks });
  for (const facet of ANALYTICS_FACETS) {
    top[facet] = top[facet]!.sort(
      (a, b) => b.clicks - a.clicks || a.value.localeCompare(b.value),
    ).slice(0, TOP_FACET_VALUES);
  }
  return top as Record<ClickFacet, FacetCount[]>;
}
