import type { ClickFacet } from "@digistore/db";
import { forEachLocalDay, type LocalDays } from "@digistore/core";
import {
  ANALYTICS_FACETS,
  TOP_FACET_VALUES,
  type DailyClicks,
  type FacetCount,
} from "./link-analytics";
import type { HourRow } from "./link-analytics.repository";

/** Hour buckets summed into local days (see `forEachLocalDay`). */
export function sumByLocalDay(hours: readonly HourRow[], days: LocalDays): DailyClicks[] {
  const sums = days.dates.map(() => ({ clicks: 0, uniqueVisitors: 0, botClicks: 0 }));
  forEachLocalDay(hours, days, (day, row) => {
    const sum = sums[day]!;
    sum.clicks += row.clicks;
    sum.uniqueVisitors += row.uniqueVisitors;
    sum.botClicks += row.botClicks;
  });
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
