import type { ClickFacet, Database, OrderStatus } from "@digistore/db";
import type { Kysely } from "kysely";

/**
 * Analytics read rollups only — `link_click_hours`, `link_click_facets` and
 * `link_click_facet_months` — never `link_clicks`,
 * so a link with ten million clicks costs what one with ten thousand does.
 */

export interface HourRow {
  readonly hour: string;
  readonly clicks: number;
  readonly uniqueVisitors: number;
  readonly botClicks: number;
}

/** Hour buckets whose start is in [since, until) (ISO instants), oldest first. */
export async function clickHours(
  db: Kysely<Database>,
  linkId: string,
  since: string,
  until: string,
): Promise<HourRow[]> {
  const rows = await db
    .selectFrom("link_click_hours")
    .select(["hour", "clicks", "unique_visitors", "bot_clicks"])
    .where("link_id", "=", linkId)
    .where("hour", ">=", since)
    .where("hour", "<", until)
    .orderBy("hour")
    .execute();
  return rows.map((row) => ({
    hour: row.hour,
    clicks: Number(row.clicks),
    uniqueVisitors: Number(row.unique_visitors),
    botClicks: Number(row.bot_clicks),
  }));
}

/** UTC days (YYYY-MM-DD) or months (YYYY-MM), `from`..`to` both included. */
export interface FacetPeriod {
  readonly by: "day" | "month";
  readonly from: string;
  readonly to: string;
}

// The two facet rollups differ only in their period column, named after it.
const FACET_TABLES = { day: "link_click_facets", month: "link_click_facet_months" } as const;

/** Clicks per facet value over a period, from the day or the month rollup. */
export async function facetCounts(
  db: Kysely<Database>,
  linkId: string,
  period: FacetPeriod,
): Promise<{ facet: ClickFacet; value: string; clicks: number }[]> {
  const column = period.by as "day";
  const rows = await db
    .selectFrom(FACET_TABLES[period.by] as "link_click_facets")
    .select((eb) => ["facet", "value", eb.fn.sum<number | string>("clicks").as("clicks")])
    .where("link_id", "=", linkId)
    .where(column, ">=", period.from)
    .where(column, "<=", period.to)
    .groupBy(["facet", "value"])
    .execute();
  return rows.map((row) => ({ facet: row.facet, value: row.value, clicks: Number(row.clicks) }));
}

/**
 * Orders that were paid and are still (at least partly) a sale: domain-orders' paid statuses
 * less `refunded`. A partly refunded order counts with what it kept.
 */
const SALE_STATUSES: readonly OrderStatus[] = ["paid", "partially_refunded", "disputed"];

/** Attributed sales paid in [since, until), per currency: count and net revenue. */
export async function attributedSales(
  db: Kysely<Database>,
  linkId: string,
  since: string,
  until: string,
): Promise<{ currency: string; sales: number; net: number }[]> {
  const rows = await db
    .selectFrom("order_attributions")
    .innerJoin("orders", "orders.id", "order_attributions.order_id")
    .select((eb) => [
      "orders.currency",
      eb.fn.countAll<number | string>().as("sales"),
      eb.fn
        .sum<number | string>(eb("orders.amount", "-", eb.ref("orders.refunded_amount")))
        .as("net"),
    ])
    .where("order_attributions.link_id", "=", linkId)
    .where("orders.status", "in", SALE_STATUSES)
    .whereRef("orders.refunded_amount", "<", "orders.amount")
    .where("orders.paid_at", ">=", since)
    .where("orders.paid_at", "<", until)
    .groupBy("orders.currency")
    .orderBy("orders.currency")
    .execute();
  return rows.map((row) => ({
    currency: row.currency,
    sales: Number(row.sales),
    net: Number(row.net),
  }));
}
