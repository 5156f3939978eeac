import type { Database, OrderKind, SalesDaysTable } from "@digistore/db";
import type { ExpressionBuilder, Kysely, Selectable } from "kysely";
import type { SalesFigures } from "./sales-figures";
import { ALL_PRODUCTS } from "./sales-rollups.repository";

export interface DayFigures extends SalesFigures {
  readonly day: string;
  readonly kind: OrderKind;
  readonly currency: string;
}

const toFigures = (row: Selectable<SalesDaysTable>): SalesFigures => ({
  sales: Number(row.sales),
  gross: Number(row.gross),
  refunds: Number(row.refunds),
  refundedSales: Number(row.refunded_sales),
  disputeLosses: Number(row.dispute_losses),
  newCustomers: Number(row.new_customers),
});

/**
 * A seller's day rows from `from` to `to` (both included), for one product or all of them:
 * at most a row per day, kind and currency, however many orders there are.
 */
export async function sellerDays(
  db: Kysely<Database>,
  sellerId: string,
  productId: string | null,
  from: string,
  to: string,
): Promise<DayFigures[]> {
  const rows = await db
    .selectFrom("sales_days")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .where("day", ">=", from)
    .where("day", "<=", to)
    .where("product_id", "=", productId ?? ALL_PRODUCTS)
    .orderBy("day")
    .execute();
  return rows.map((row) => ({
    day: row.day,
    kind: row.kind,
    currency: row.currency,
    ...toFigures(row),
  }));
}

/** YYYY-MM of a date, and the months next to one. */
const monthOf = (date: string) => date.slice(0, 7);
function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const at = new Date(Date.UTC(year, m - 1 + by, 1));
  return at.toISOString().slice(0, 7);
}
const lastDayOf = (month: string) =>
  new Date(Date.parse(`${shiftMonth(month, 1)}-01T00:00:00.000Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);

/**
 * Per product and currency over `from`..`to`: whole months from `sales_months`, the days at
 * either end from `sales_days` — a year reads twelve months and at most two months of days
 * per product, however many orders there are.
 */
export async function productTotals(
  db: Kysely<Database>,
  sellerId: string,
  from: string,
  to: string,
): Promise<{ productId: string; currency: string; sales: number; net: number }[]> {
  const firstWhole = from.endsWith("-01") ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const lastWhole = lastDayOf(monthOf(to)) === to ? monthOf(to) : shiftMonth(monthOf(to), -1);
  const wholeMonths = firstWhole <= lastWhole;
  const dayRanges: [string, string][] = wholeMonths
    ? [
        [from, `${firstWhole}-00`],
        [`${lastWhole}-32`, to],
      ]
    : [[from, to]];
  const figures = (eb: ExpressionBuilder<Database, "sales_days" | "sales_months">) =>
    [
      eb.fn.sum<number>("sales").as("sales"),
      eb.fn
        .sum<number>(eb(eb("gross", "-", eb.ref("refunds")), "-", eb.ref("dispute_losses")))
        .as("net"),
    ] as const;
  const [days, months] = await Promise.all([
    db
      .selectFrom("sales_days")
      .select((eb) => ["product_id", "currency", ...figures(eb as never)])
      .where("seller_id", "=", sellerId)
      .where("kind", "=", "product")
      .where("product_id", "<>", ALL_PRODUCTS)
      .where((eb) =>
        eb.or(dayRanges.map(([a, b]) => eb.and([eb("day", ">=", a), eb("day", "<=", b)]))),
      )
      .groupBy(["product_id", "currency"])
      .execute(),
    wholeMonths
      ? db
          .selectFrom("sales_months")
          .select((eb) => ["product_id", "currency", ...figures(eb as never)])
          .where("seller_id", "=", sellerId)
          .where("kind", "=", "product")
          .where("month", ">=", firstWhole)
          .where("month", "<=", lastWhole)
          .groupBy(["product_id", "currency"])
          .execute()
      : Promise.resolve([]),
  ]);
  const totals = new Map<
    string,
    { productId: string; currency: string; sales: number; net: number }
  >();
  for (const row of [...days, ...months]) {
    const id = `${row.product_id}|${row.currency}`;
    const entry = totals.get(id) ?? {
      productId: row.product_id,
      currency: row.currency,
      sales: 0,
      net: 0,
    };
    entry.sales += Number(row.sales);
    entry.net += Number(row.net);
    totals.set(id, entry);
  }
  return [...totals.values()];
}

export async function countOpenSupportRequests(
  db: Kysely<Database>,
  sellerId: string,
  productId: string | null,
): Promise<number> {
  let query = db
    .selectFrom("support_requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("seller_id", "=", sellerId)
    .where("status", "=", "open");
  if (productId) query = query.where("product_id", "=", productId);
  return Number((await query.executeTakeFirst())?.n ?? 0);
}

export async function sellerProducts(db: Kysely<Database>, sellerId: string) {
  return db
    .selectFrom("products")
    .select(["id", "title"])
    .where("seller_id", "=", sellerId)
    .orderBy("title")
    .execute();
}

export async function sellerTimezone(db: Kysely<Database>, userId: string) {
  const row = await db
    .selectFrom("users")
    .select(["timezone", "is_seller"])
    .where("id", "=", userId)
    .executeTakeFirst();
  return row ?? null;
}
