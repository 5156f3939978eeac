import type { Database, Dialect } from "@digistore/db";
import { PAID_ORDER_STATUSES, type Order, type OrderChangeHook } from "@digistore/domain-orders";
import type { Kysely } from "kysely";
import {
  isZero,
  NO_SALES,
  orderFigures,
  orderHour,
  subtractFigures,
  type SalesFigures,
} from "./sales-figures";
import type { SaleNoticeQueue } from "./ports";
import { addToRollups, type SalesKey } from "./sales-rollups.repository";

const ONE_NEW_CUSTOMER: SalesFigures = { ...NO_SALES, newCustomers: 1 };

/**
 * The product's seller and the zone their days are counted in. On PostgreSQL the seller's row
 * is share-locked, so a change of zone (which rewrites the day rollups under an update lock)
 * waits for this transaction and is never half-applied under it.
 */
async function lockSellerOf(trx: Kysely<Database>, dialect: Dialect, productId: string) {
  const query = trx
    .selectFrom("products")
    .innerJoin("users", "users.id", "products.seller_id")
    .select([
      "products.seller_id as sellerId",
      "products.title",
      "users.timezone",
      "users.email",
      "users.display_name",
      "users.sale_emails",
    ])
    .where("products.id", "=", productId);
  return (dialect === "postgres" ? query.forShare("users") : query).executeTakeFirst();
}

/** The buyer's earliest paid product order with the seller other than `exceptOrderId`. */
async function firstOtherSale(
  trx: Kysely<Database>,
  buyerId: string,
  sellerId: string,
  exceptOrderId: string,
) {
  return trx
    .selectFrom("orders")
    .innerJoin("products", "products.id", "orders.product_id")
    .select(["orders.id", "orders.created_at", "orders.product_id", "orders.currency"])
    .where("orders.user_id", "=", buyerId)
    .where("products.seller_id", "=", sellerId)
    .where("orders.kind", "=", "product")
    .where("orders.status", "in", PAID_ORDER_STATUSES)
    .where("orders.id", "<>", exceptOrderId)
    .orderBy("orders.created_at")
    .orderBy("orders.id")
    .limit(1)
    .executeTakeFirst();
}

const earlier = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

/**
 * Wire into the orders context's `orderHooks`: keeps `sales_hours` and `sales_days` exact in
 * the transaction that re-derives an order, by adding what the order adds now less what it
 * added before. A replayed event adds nothing. When an order is the first paid product order
 * of its buyer with the seller — also when it turns out to be earlier than the one counted
 * so far, as events may arrive in any order — the new customer moves to it.
 */
export function createSalesOrderHook(deps: {
  dialect: Dialect;
  /** Where "you made a sale" emails go; none are sent without it. */
  emails?: SaleNoticeQueue;
}): OrderChangeHook {
  return async (trx, { before, after }) => {
    const delta = subtractFigures(orderFigures(after), orderFigures(before));
    if (isZero(delta)) return;
    const seller = await lockSellerOf(trx, deps.dialect, after.productId);
    if (!seller) return;
    const keyOf = (
      order: Pick<Order, "productId" | "kind" | "createdAt"> & { currency: string },
    ): SalesKey => ({
      sellerId: seller.sellerId,
      productId: order.productId,
      kind: order.kind,
      currency: order.currency,
      hour: orderHour(order.createdAt),
    });
    const key = keyOf({ ...after, currency: after.total.currency });
    const becameSale = orderFigures(before).sales === 0 && delta.sales > 0;
    // Support sales are announced by the support request's own email to the seller.
    if (becameSale && after.kind === "product" && seller.sale_emails === "each" && deps.emails) {
      const buyer = await trx
        .selectFrom("users")
        .select("display_name")
        .where("id", "=", after.userId)
        .executeTakeFirst();
      await deps.emails.queue(trx, {
        kind: "sale_notice",
        to: seller.email,
        displayName: seller.display_name,
        orderId: after.id,
        productTitle: seller.title,
        amount: after.total.amount,
        currency: after.total.currency,
        buyerName: buyer?.display_name ?? "A customer",
      });
    }
    if (!becameSale || after.kind !== "product") {
      await addToRollups(trx, key, delta, seller.timezone);
      return;
    }
    // One buyer's orders with one seller are counted one at a time (PostgreSQL: the buyer's
    // row is the lock), so two of them paid at once cannot both be the first.
    if (deps.dialect === "postgres") {
      await trx
        .selectFrom("users")
        .select("id")
        .where("id", "=", after.userId)
        .forUpdate()
        .execute();
    }
    const first = await firstOtherSale(trx, after.userId, seller.sellerId, after.id);
    const isFirst = !first || earlier(after, { createdAt: first.created_at, id: first.id });
    await addToRollups(trx, key, isFirst ? { ...delta, newCustomers: 1 } : delta, seller.timezone);
    if (isFirst && first) {
      const was = keyOf({
        productId: first.product_id,
        kind: "product",
        createdAt: first.created_at,
        currency: first.currency,
      });
      await addToRollups(trx, was, subtractFigures(NO_SALES, ONE_NEW_CUSTOMER), seller.timezone);
    }
  };
}
