import { NotFoundError, parseInput, requireSeller, type Money } from "@digistore/core";
import type { PaymentEventOutcome } from "@digistore/db";
import { listOrderEventRows } from "./events.repository";
import { wasPaid } from "./order";
import { findOrderRow } from "./orders.repository";
import type { OrdersContext } from "./ports";
import { findPurchaseRow } from "./purchases.repository";
import { orderBuyer, orderProductTitle } from "./seller-orders.repository";
import { ZSellerOrderRef } from "./seller-orders.schemas";
import { toSellerOrderLine, type SellerOrderLine } from "./seller-orders";

export interface SellerOrderDetail extends SellerOrderLine {
  /** What the provider said about it, oldest first. */
  readonly events: readonly {
    readonly type: string;
    readonly occurredAt: string;
    readonly receivedAt: string;
    readonly outcome: PaymentEventOutcome;
  }[];
  /** The buyer's access to the product as it stands (support orders grant none). */
  readonly access: {
    readonly state: "owner" | "suspended" | "revoked" | "none";
    readonly since: string | null;
    /** Whether this order is the one that holds the grant. */
    readonly throughThisOrder: boolean;
  };
  /** What is left to refund, and until when the provider takes refunds (null: not refundable). */
  readonly refundable: { readonly remaining: Money; readonly until: string | null } | null;
}

/** One of the seller's orders with its event timeline and the access it gave; others' NOT_FOUND. */
export async function getSellerOrder(
  ctx: Pick<OrdersContext, "db" | "actor" | "payments">,
  input: unknown,
): Promise<SellerOrderDetail> {
  const seller = requireSeller(ctx.actor, "Only sellers have orders to see.");
  const { orderId } = parseInput(ZSellerOrderRef, input);
  const row = await findOrderRow(ctx.db, orderId);
  if (!row || row.seller_id !== seller.userId) throw new NotFoundError("Order not found.");
  const [buyer, product, events, grant] = await Promise.all([
    orderBuyer(ctx.db, row.user_id),
    orderProductTitle(ctx.db, row.product_id),
    listOrderEventRows(ctx.db, row.id),
    row.kind === "product" ? findPurchaseRow(ctx.db, row.user_id, row.product_id) : undefined,
  ]);
  const remaining = row.amount - row.refunded_amount;
  const windowMs = ctx.payments.refundWindowMs;
  const paidAt = row.paid_at ?? row.created_at;
  return {
    ...toSellerOrderLine({ ...row, ...buyer, title: product }),
    events: events.map((e) => ({
      type: e.type,
      occurredAt: e.occurred_at,
      receivedAt: e.received_at,
      outcome: e.outcome,
    })),
    access: !grant
      ? { state: "none", since: null, throughThisOrder: false }
      : {
          state: grant.revoked_at ? "revoked" : grant.suspended_at ? "suspended" : "owner",
          since: grant.revoked_at ?? grant.suspended_at ?? grant.created_at,
          throughThisOrder: grant.order_id === row.id,
        },
    refundable:
      wasPaid(row.status) && row.status !== "refunded" && remaining > 0 && row.provider_payment_id
        ? {
            remaining: { amount: remaining, currency: row.currency },
            until:
              windowMs === undefined ? null : new Date(Date.parse(paidAt) + windowMs).toISOString(),
          }
        : null,
  };
}
