import { localDays, parseInput, resolveDayRange } from "@digistore/core";
import { addTotals, NO_CLICKS, type ClickTotals, type LinkAnalytics } from "./link-analytics";
import { attributedSales, clickHours, facetCounts } from "./link-analytics.repository";
import { sumByLocalDay, topFacetValues } from "./link-analytics-series";
import { loadOwnLink } from "./load-own-link";
import type { ShortUrlContext } from "./ports";
import { ZLinkAnalyticsInput } from "./short-links.schemas";

/** Up to a month, top lists are counted per day; longer ranges read whole months. */
const DAILY_FACETS_UP_TO = 31;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A link's clicks, visitors, top facets and attributed sales over a range of local days, for
 * its owner (or staff); anyone else gets NOT_FOUND. Reads rollups only, never `link_clicks`.
 */
export async function getLinkAnalytics(
  ctx: Pick<ShortUrlContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<LinkAnalytics> {
  const parsed = parseInput(ZLinkAnalyticsInput, input);
  const { linkId, timezone } = parsed;
  await loadOwnLink(ctx.db, ctx.actor, linkId, { staffMayRead: true });

  const range = resolveDayRange(parsed, ctx.clock.now().getTime());
  const { from, to, length } = range;
  const { from: previousFrom, to: previousTo } = range.previous;

  // Both periods in one read: previous days first, then the range's own.
  const days = localDays(timezone, previousFrom, to);
  const rangeStart = days.starts[length]!;
  const rangeEnd = days.starts.at(-1)!;
  // Facets are per UTC day or month: every one the range touches (see LinkAnalytics.top).
  const by = length <= DAILY_FACETS_UP_TO ? "day" : "month";
  const width = by === "day" ? "YYYY-MM-DD".length : "YYYY-MM".length;
  const facetPeriod = {
    by,
    from: iso(rangeStart).slice(0, width),
    to: iso(rangeEnd - 1).slice(0, width),
  } as const;
  const [hours, facets, sales] = await Promise.all([
    clickHours(ctx.db, linkId, iso(days.starts[0]!), iso(rangeEnd)),
    facetCounts(ctx.db, linkId, facetPeriod),
    attributedSales(ctx.db, linkId, iso(rangeStart), iso(rangeEnd)),
  ]);
  const series = sumByLocalDay(hours, days);
  const daily = series.slice(length);
  // Unique visitors are a sum of daily uniques: the visitor salt rotates (and is deleted)
  // every day, so by design nobody can be recognised across days to be counted once.
  const sum = (list: readonly ClickTotals[]) => list.reduce(addTotals, NO_CLICKS);
  const totals = sum(daily);
  const count = sales.reduce((n, row) => n + row.sales, 0);

  return {
    linkId,
    from,
    to,
    timezone,
    totals,
    daily,
    previous: { from: previousFrom, to: previousTo, totals: sum(series.slice(0, length)) },
    top: topFacetValues(facets),
    sales: {
      count,
      byCurrency: sales.map((row) => ({
        currency: row.currency,
        sales: row.sales,
        netRevenue: { amount: row.net, currency: row.currency },
      })),
    },
    conversion: totals.uniqueVisitors > 0 ? count / totals.uniqueVisitors : null,
  };
}
