import type { Money } from "@digistore/core";
import type { ClickFacet } from "@digistore/db";

/** People's clicks (bots excluded), their unique visitors, and bots counted apart. */
export interface ClickTotals {
  readonly clicks: number;
  readonly uniqueVisitors: number;
  readonly botClicks: number;
}

/** One calendar day in the range's time zone; every day of the range has one, zeros too. */
export interface DailyClicks extends ClickTotals {
  readonly date: string;
}

export interface FacetCount {
  readonly value: string;
  readonly clicks: number;
}

/** Attributed sales in one currency: money is never summed across currencies. */
export interface CurrencySales {
  readonly currency: string;
  readonly sales: number;
  /** amount − refunded_amount, in the currency's minor units. */
  readonly netRevenue: Money;
}

export const ANALYTICS_FACETS: readonly ClickFacet[] = [
  "referrer",
  "device",
  "browser",
  "os",
  "country",
];

/** How many values each "top" list shows. */
export const TOP_FACET_VALUES = 10;

export interface LinkAnalytics {
  readonly linkId: string;
  /** Calendar dates in `timezone`, both included. */
  readonly from: string;
  readonly to: string;
  readonly timezone: string;
  readonly totals: ClickTotals;
  readonly daily: readonly DailyClicks[];
  /** The same number of days just before `from`, for "change against the previous period". */
  readonly previous: { readonly from: string; readonly to: string; readonly totals: ClickTotals };
  /**
   * Most clicked values per facet (people only). Facets are rolled up per UTC day and month:
   * up to 31 days, these cover the UTC days that overlap the range (up to a day more at either
   * end in other zones); longer ranges cover the whole UTC months they touch, so a busy link's
   * year costs a dozen months of rows, not 365 days of them.
   */
  readonly top: Readonly<Record<ClickFacet, readonly FacetCount[]>>;
  /** Paid, not fully refunded orders attributed to the link, paid inside the range. */
  readonly sales: { readonly count: number; readonly byCurrency: readonly CurrencySales[] };
  /** Attributed sales ÷ unique visitors; null when there were no visitors. */
  readonly conversion: number | null;
}

export const NO_CLICKS: ClickTotals = { clicks: 0, uniqueVisitors: 0, botClicks: 0 };

export function addTotals(a: ClickTotals, b: ClickTotals): ClickTotals {
  return {
    clicks: a.clicks + b.clicks,
    uniqueVisitors: a.uniqueVisitors + b.uniqueVisitors,
    botClicks: a.botClicks + b.botClicks,
  };
}
