import type { Database, OrderKind, SalesDaysTable } from "@digistore/db";
import { localDate } from "@digistore/core";
import type { Insertable, Kysely } from "kysely";
import type { SalesFigures } from "./sales-figures";

/** Which rollup rows a change lands in. */
export interface SalesKey {
  readonly sellerId: string;
  readonly productId: string;
  readonly kind: OrderKind;
  readonly currency: string;
  /** UTC hour start, ISO. */
  readonly hour: string;
}

/** In `sales_days`, the row that sums all of a seller's products. */
export const ALL_PRODUCTS = "";

function figureColumns(f: SalesFigures) {
  return {
    sales: f.sales,
    gross: f.gross,
    refunds: f.refunds,
    refunded_sales: f.refundedSales,
    dispute_losses: f.disputeLosses,
    new_customers: f.newCustomers,
  };
}

/** The figure columns of both rollups, in one order. */
export const FIGURE_COLUMNS = [
  "sales",
  "gross",
  "refunds",
  "refunded_sales",
  "dispute_losses",
  "new_customers",
] as const;

/**
 * Adds `delta` (which may be negative) to the hour row, to the seller-local day rows — the
 * product's and the all-products one — and to the product's month row, inserting them when
 * missing. Runs in the caller's
 * transaction; `timezone` is the seller's, read under a share lock (see `lockSellerOf`).
 */
export async function addToRollups(
  trx: Kysely<Database>,
  key: SalesKey,
  delta: SalesFigures,
  timezone: string,
): Promise<void> {
  const base = {
    seller_id: key.sellerId,
    kind: key.kind,
    currency: key.currency,
    ...figureColumns(delta),
  };
  const day = localDate(timezone, Date.parse(key.hour));
  await addRows(trx, "sales_hours", "hour", [
    { ...base, product_id: key.productId, hour: key.hour },
  ]);
  await addRows(trx, "sales_days", "day", [
    { ...base, product_id: key.productId, day },
    { ...base, product_id: ALL_PRODUCTS, day },
  ]);
  await addRows(trx, "sales_months", "month", [
    { ...base, product_id: key.productId, month: day.slice(0, 7) },
  ]);
}

type RollupTable = "sales_hours" | "sales_days" | "sales_months";

/** Inserts rollup rows, or adds their figures to the rows already there. */
async function addRows(
  trx: Kysely<Database>,
  table: RollupTable,
  period: "hour" | "day" | "month",
  rows: Record<string, string | number>[],
): Promise<void> {
  // The three tables differ only in the name of their period column: one shape serves all.
  const same = table as "sales_days";
  await trx
    .insertInto(same)
    .values(rows as unknown as Insertable<SalesDaysTable>[])
    .onConflict((oc) =>
      oc
        .columns(["seller_id", period as "day", "product_id", "kind", "currency"])
        .doUpdateSet((eb) =>
          Object.fromEntries(
            FIGURE_COLUMNS.map((c) => [c, eb(`${same}.${c}`, "+", eb.ref(`excluded.${c}`))]),
          ),
        ),
    )
    .execute();
}
