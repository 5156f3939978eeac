import { majorAmount } from "@digistore/core";
import { exportSellerOrders, type SellerOrderLine } from "@digistore/domain-orders";
import type { Context } from "../context";
import { csvFile } from "./csv-file";
import type { StoreFile } from "./store-file";

const COLUMNS = [
  "order_id",
  "placed_at",
  "paid_at",
  "kind",
  "product",
  "buyer_name",
  "buyer_email",
  "currency",
  "amount",
  "refunded",
  "net",
  "status",
  "billing_country",
  "discount_code",
] as const;

function cells(o: SellerOrderLine): string[] {
  const money = (amount: number) => majorAmount({ amount, currency: o.total.currency });
  return [
    o.id,
    o.createdAt,
    o.paidAt ?? "",
    o.kind,
    o.productTitle,
    o.buyerName,
    o.buyerEmail,
    o.total.currency,
    money(o.total.amount),
    money(o.refunded.amount),
    money(o.total.amount - o.refunded.amount),
    o.status,
    o.billingCountry,
    o.discountCode ?? "",
  ];
}

/**
 * The seller's orders matching `filter` (as `seller.orders.list` takes it) as a CSV stream:
 * read by keyset in batches and written as they come, so a million orders never sit in memory.
 */
export async function sellerOrdersCsvFor(ctx: Context, filter: unknown): Promise<StoreFile> {
  return csvFile(ctx, "orders", COLUMNS, exportSellerOrders(ctx, filter), cells);
}
