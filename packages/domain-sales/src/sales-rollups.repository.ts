import type { Database, OrderKind } from "@digistore/db";
import { localDate } from "@digistore/core";
import type { Kysely } from "kysely";
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
 * Adds `delta` (which may be negative) to the hour row and to the seller-local day rows — the
 * product's and the all-products one — inserting them when missing. Runs in the caller's
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
  await trx
    .insertInto("sales_hours")
    .values({ ...base, product_id: key.productId, hour: key.hour })
    .onConflict((oc) =>
      oc
        .columns(["seller_id", "hour", "product_id", "kind", "currency"])
        .doUpdateSet((eb) =>
          Object.fromEntries(
            FIGURE_COLUMNS.map((c) => [c, eb(`sales_hours.${c}`, "+", eb.ref(`excluded.${c}`))]),
          ),
        ),
    )
    .execute();
  const day = localDate(timezone, Date.parse(key.hour));
  await trx
    .insertInto("sales_days")
    .values([
      { ...base, product_id: key.productId, day },
      { ...base, product_id: ALL_PRODUCTS, day },
    ])
    .onConflict((oc) =>
      oc
        .columns(["seller_id", "day", "product_id", "kind", "currency"])
        .doUpdateSet((eb) =>
          Object.fromEntries(
            FIGURE_COLUMNS.map((c) => [c, eb(`sales_days.${c}`, "+", eb.ref(`excluded.${c}`))]),
          ),
        ),
    )
    .execute();
}
