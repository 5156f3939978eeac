import type { Dialect } from "@digistore/db";
import type { Order, OrderChangeHook } from "@digistore/domain-orders";
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
import { buyerName, firstOtherSale, lockBuyer, lockSellerOf } from "./sellers.repository";

const ONE_NEW_CUSTOMER: SalesFigures = { ...NO_SALES, newCustomers: 1 };

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
      const buyer = await buyerName(trx, after.userId);
      await deps.emails.queue(trx, {
        kind: "sale_notice",
        to: seller.email,
        displayName: seller.display_name,
        orderId: after.id,
        productTitle: seller.title,
        amount: after.total.amount,
        currency: after.total.currency,
        buyerName: buyer ?? "A customer",
      });
    }
    if (!becameSale || after.kind !== "product") {
      await addToRollups(trx, key, delta, seller.timezone);
      return;
    }
    // One buyer's orders with one seller are counted one at a time (PostgreSQL: the buyer's
    // row is the lock), so two of them paid at once cannot both be the first.
    if (deps.dialect === "postgres") await lockBuyer(trx, after.userId);
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
