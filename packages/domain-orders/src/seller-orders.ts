import {
  decodeCursor,
  localDays,
  parseInput,
  requireSeller,
  toPage,
  type Money,
  type Page,
} from "@digistore/core";
import type { Database, OrderKind, OrderStatus, OrdersTable } from "@digistore/db";
import type { Kysely, Selectable } from "kysely";
import type { OrdersContext } from "./ports";
import {
  DEFAULT_STATUSES,
  sellerOrderRows,
  sellerZone,
  type SellerOrderQuery,
} from "./seller-orders.repository";
import { ZListSellerOrdersInput, ZSellerOrderFilter } from "./seller-orders.schemas";

export interface SellerOrderLine {
  readonly id: string;
  readonly createdAt: string;
  readonly paidAt: string | null;
  readonly kind: OrderKind;
  readonly status: OrderStatus;
  readonly total: Money;
  readonly refunded: Money;
  readonly productId: string;
  readonly productTitle: string;
  readonly buyerEmail: string;
  readonly buyerName: string;
  readonly billingCountry: string;
  readonly discountCode: string | null;
}

type Row = Pick<
  Selectable<OrdersTable>,
  | "id"
  | "created_at"
  | "paid_at"
  | "kind"
  | "status"
  | "amount"
  | "refunded_amount"
  | "currency"
  | "product_id"
  | "billing_country"
  | "discount_code"
> & { readonly title: string; readonly email: string; readonly display_name: string };

/** An order row with its product's title and its buyer, as a seller reads it. */
export const toSellerOrderLine = (row: Row): SellerOrderLine => ({
  id: row.id,
  createdAt: row.created_at,
  paidAt: row.paid_at,
  kind: row.kind,
  status: row.status,
  total: { amount: row.amount, currency: row.currency },
  refunded: { amount: row.refunded_amount, currency: row.currency },
  productId: row.product_id,
  productTitle: row.title,
  buyerEmail: row.email,
  buyerName: row.display_name,
  billingCountry: row.billing_country,
  discountCode: row.discount_code,
});

/** The filter as a query: days of the seller's zone become instants. */
async function resolveFilter(
  ctx: Pick<OrdersContext, "db" | "actor">,
  rawFilter: unknown,
): Promise<SellerOrderQuery> {
  const seller = requireSeller(ctx.actor, "Only sellers have orders to see.");
  const filter = parseInput(ZSellerOrderFilter, rawFilter);
  let since: string | null = null;
  let until: string | null = null;
  if (filter.from || filter.to) {
    const zone = await sellerZone(ctx.db, seller.userId);
    if (filter.from)
      since = new Date(localDays(zone, filter.from, filter.from).starts[0]!).toISOString();
    if (filter.to) until = new Date(localDays(zone, filter.to, filter.to).starts[1]!).toISOString();
  }
  return {
    sellerId: seller.userId,
    statuses: filter.status === "all" ? null : filter.status ? [filter.status] : DEFAULT_STATUSES,
    productId: filter.productId ?? null,
    since,
    until,
    email: filter.email ?? null,
    customerId: filter.customerId ?? null,
  };
}

/** A page of the seller's orders (newest first) matching the filter; anyone else: FORBIDDEN. */
export async function listSellerOrders(
  ctx: Pick<OrdersContext, "db" | "actor">,
  input: unknown,
): Promise<Page<SellerOrderLine>> {
  const { filter, page } = parseInput(ZListSellerOrdersInput, input);
  const query = await resolveFilter(ctx, filter);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const key =
    after && typeof after[0] === "string" && typeof after[1] === "string"
      ? ([after[0], after[1]] as const)
      : null;
  const rows = await sellerOrderRows(ctx.db, query, key, page.limit + 1);
  const result = toPage(rows, page.limit, (row) => [row.created_at, row.id]);
  return { items: result.items.map(toSellerOrderLine), nextCursor: result.nextCursor };
}

/**
 * A seller's latest paid orders (of one product, or all), for a dashboard that has already
 * decided who may see them: no permission check of its own.
 */
export async function recentSellerOrders(
  db: Kysely<Database>,
  sellerId: string,
  productId: string | null,
  limit: number,
): Promise<SellerOrderLine[]> {
  const query = {
    sellerId,
    statuses: DEFAULT_STATUSES,
    productId,
    since: null,
    until: null,
    email: null,
  };
  return (await sellerOrderRows(db, query, null, limit)).map(toSellerOrderLine);
}

const EXPORT_BATCH = 2_000;

/**
 * Every order matching the filter, newest first, in batches read by keyset: what a CSV export
 * streams, so memory holds one batch however many orders there are.
 */
export async function* exportSellerOrders(
  ctx: Pick<OrdersContext, "db" | "actor">,
  filter: unknown,
): AsyncGenerator<SellerOrderLine[]> {
  const query = await resolveFilter(ctx, filter);
  let after: readonly [string, string] | null = null;
  for (;;) {
    const rows = await sellerOrderRows(ctx.db, query, after, EXPORT_BATCH);
    if (rows.length === 0) return;
    yield rows.map(toSellerOrderLine);
    if (rows.length < EXPORT_BATCH) return;
    const last = rows.at(-1)!;
    after = [last.created_at, last.id];
  }
}
