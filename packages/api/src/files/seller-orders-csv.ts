import { majorAmount } from "@digistore/core";
import { exportSellerOrders, type SellerOrderLine } from "@digistore/domain-orders";
import { stringify } from "csv-stringify/sync";
import { Readable } from "node:stream";
import type { Context } from "../context";
import { spreadsheetSafe } from "./spreadsheet-safe";
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
  ].map(spreadsheetSafe);
}

/** CRLF rows (RFC 4180); the header carries a UTF-8 byte order mark so Excel reads accents. */
async function* csvChunks(batches: AsyncGenerator<SellerOrderLine[]>): AsyncGenerator<string> {
  yield stringify([[...COLUMNS]], { bom: true, record_delimiter: "windows" });
  for await (const batch of batches) {
    yield stringify(batch.map(cells), { record_delimiter: "windows" });
  }
}

/**
 * The seller's orders matching `filter` (as `seller.orders.list` takes it) as a CSV stream:
 * read by keyset in batches and written as they come, so a million orders never sit in memory.
 * The filter is checked before the first byte, so a bad one is an error, not a broken file.
 */
export async function sellerOrdersCsvFor(ctx: Context, filter: unknown): Promise<StoreFile> {
  const batches = exportSellerOrders(ctx, filter);
  const first = await batches.next();
  async function* all(): AsyncGenerator<SellerOrderLine[]> {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return {
    filename: `orders-${day}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: Readable.from(csvChunks(all())),
  };
}
