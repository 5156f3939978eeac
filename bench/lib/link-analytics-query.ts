import type { ClickFacet, Database } from "@digistore/db";
import type { Kysely } from "kysely";
import { localMidnight, localToday, offsetSpans } from "./local-days";

/**
 * A STAND-IN for the shorturl domain's `getLinkAnalytics` verb (written in parallel): the
 * same reads a link's analytics page needs, from the rollups only, never `link_clicks`.
 * `links-analytics` calls it through `LinkAnalyticsRead` alone, so swapping in the verb is a
 * change to `readAnalytics` there and nothing else.
 */

const FACETS: readonly ClickFacet[] = ["referrer", "device", "browser", "os", "country"];
const TOP = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

interface AnalyticsDay {
  readonly day: string;
  readonly clicks: number;
  readonly uniqueVisitors: number;
  readonly botClicks: number;
}

export interface LinkAnalyticsRead {
  readonly days: AnalyticsDay[];
  readonly totalClicks: number;
  readonly top: Record<ClickFacet, { value: string; clicks: number }[]>;
}

/** Calendar arithmetic on YYYY-MM-DD (a date, not an instant: no zone involved). */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The last `days` local days in `timeZone` up to and including today: their names, [fromMs, toMs). */
export function localRange(timeZone: string, days: number, now: Date) {
  const today = localToday(timeZone, now);
  const names = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  return {
    names,
    fromMs: localMidnight(names[0]!, timeZone),
    toMs: localMidnight(addDays(today, 1), timeZone),
  };
}

/** Per local day from `link_click_hours`, and the top values of each facet over the range. */
export async function linkAnalyticsStandIn(
  db: Kysely<Database>,
  input: { linkId: string; timeZone: string; days: number; now: Date },
): Promise<LinkAnalyticsRead> {
  const { names, fromMs, toMs } = localRange(input.timeZone, input.days, input.now);
  const hours = await db
    .selectFrom("link_click_hours")
    .select(["hour", "clicks", "unique_visitors", "bot_clicks"])
    .where("link_id", "=", input.linkId)
    .where("hour", ">=", new Date(fromMs).toISOString())
    .where("hour", "<", new Date(toMs).toISOString())
    .orderBy("hour")
    .execute();
  const spans = offsetSpans(input.timeZone, fromMs, toMs);
  // Every day of the range, in order, quiet ones at zero (a chart has no gaps).
  const byDay = new Map(names.map((day) => [day, { clicks: 0, uniqueVisitors: 0, botClicks: 0 }]));
  let span = 0;
  let totalClicks = 0;
  for (const row of hours) {
    const ms = Date.parse(row.hour);
    while (span + 1 < spans.length && spans[span + 1]!.fromMs <= ms) span++;
    const day = new Date(ms + spans[span]!.offsetMinutes * 60_000).toISOString().slice(0, 10);
    const entry = byDay.get(day);
    if (!entry) continue; // cannot happen: the hours were read for this range
    entry.clicks += Number(row.clicks);
    entry.uniqueVisitors += Number(row.unique_visitors);
    entry.botClicks += Number(row.bot_clicks);
    totalClicks += Number(row.clicks);
  }

  // Facets are per UTC day: every UTC day the local range touches.
  const facetRows = await db
    .selectFrom("link_click_facets")
    .select(["facet", "value", (eb) => eb.fn.sum<number | string>("clicks").as("clicks")])
    .where("link_id", "=", input.linkId)
    .where("day", ">=", new Date(fromMs).toISOString().slice(0, 10))
    .where("day", "<=", new Date(toMs - 1).toISOString().slice(0, 10))
    .groupBy(["facet", "value"])
    .execute();
  const top = Object.fromEntries(FACETS.map((facet) => [facet, []])) as unknown as Record<
    ClickFacet,
    { value: string; clicks: number }[]
  >;
  for (const row of facetRows)
    top[row.facet].push({ value: row.value, clicks: Number(row.clicks) });
  for (const facet of FACETS)
    top[facet] = top[facet]
      .sort((a, b) => b.clicks - a.clicks || a.value.localeCompare(b.value))
      .slice(0, TOP);

  return {
    days: [...byDay].map(([day, figures]) => ({ day, ...figures })),
    totalClicks,
    top,
  };
}
