import type { Database, OrderKind, SalesDaysTable } from "@digistore/db";
import type { Kysely, Selectable } from "kysely";
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

/** Per product and currency over a range: what "top products" ranks. */
export async function productTotals(
  db: Kysely<Database>,
  sellerId: string,
  from: string,
  to: string,
) {
  const rows = await db
    .selectFrom("sales_days")
    .innerJoin("products", "products.id", "sales_days.product_id")
    .select((eb) => [
      "sales_days.product_id as productId",
      "products.title",
      "sales_days.currency",
      eb.fn.sum<number>("sales_days.sales").as("sales"),
      eb.fn.sum<number>("sales_days.gross").as("gross"),
      eb.fn.sum<number>("sales_days.refunds").as("refunds"),
      eb.fn.sum<number>("sales_days.dispute_losses").as("disputeLosses"),
    ])
    .where("sales_days.seller_id", "=", sellerId)
    .where("sales_days.kind", "=", "product")
    .where("sales_days.product_id", "<>", ALL_PRODUCTS)
    .where("sales_days.day", ">=", from)
    .where("sales_days.day", "<=", to)
    .groupBy(["sales_days.product_id", "products.title", "sales_days.currency"])
    .execute();
  return rows.map((row) => ({
    productId: row.productId,
    title: row.title,
    currency: row.currency,
    sales: Number(row.sales),
    net: Number(row.gross) - Number(row.refunds) - Number(row.disputeLosses),
  }));
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
