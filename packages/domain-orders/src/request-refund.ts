import {
  NotFoundError,
  PreconditionFailedError,
  ServiceUnavailableError,
  parseInput,
  requireSeller,
  requireUser,
} from "@digistore/core";
import { toOrder, wasPaid, type Order } from "./order";
import { findOrderRow } from "./orders.repository";
import { ZRefundInput } from "./orders.schemas";
import { ZSellerRefundInput } from "./seller-orders.schemas";
import type { OrdersContext } from "./ports";
import { PaymentRefusedError } from "./provider";

/**
 * Asks the provider to refund an order (staff, or the product's seller: anyone else is
 * FORBIDDEN, another seller's order NOT_FOUND). Nothing changes here: the refund's own
 * webhook revokes access when it arrives, like any other refund.
 */
export async function requestRefund(
  ctx: Pick<OrdersContext, "db" | "actor" | "payments" | "clock">,
  rawInput: unknown,
): Promise<Order> {
  const actor = requireUser(ctx.actor);
  if (!actor.roles.staff) requireSeller(actor, "Only staff or the product's seller can refund.");
  // A seller says why; staff may refund without a word (a chargeback threat, a duplicate).
  const input = parseInput(actor.roles.staff ? ZRefundInput : ZSellerRefundInput, rawInput);
  const row = await findOrderRow(ctx.db, input.orderId);
  if (!row) throw new NotFoundError("Order not found.");
  if (!actor.roles.staff && row.seller_id !== actor.userId) {
    throw new NotFoundError("Order not found.");
  }
  if (!wasPaid(row.status) || row.status === "refunded")
    throw new PreconditionFailedError("Only paid orders can be refunded.");
  if (!row.provider_payment_id)
    throw new PreconditionFailedError("This order has no payment to refund yet.");
  const remaining = row.amount - row.refunded_amount;
  if (input.amount !== undefined && (input.amount <= 0 || input.amount > remaining)) {
    throw new PreconditionFailedError(`A refund must be between 1 and ${remaining} (minor units).`);
  }
  const windowMs = ctx.payments.refundWindowMs;
  const paidAt = Date.parse(row.paid_at ?? row.created_at);
  if (windowMs !== undefined && ctx.clock.now().getTime() - paidAt > windowMs) {
    const days = Math.round(windowMs / 86_400_000);
    throw new PreconditionFailedError(
      `The payment provider takes refunds for ${days} days after a payment; this one was paid on ${new Date(paidAt).toISOString().slice(0, 10)}.`,
    );
  }
  try {
    await ctx.payments.refund(row.provider_payment_id, input.amount, row.id, input.reason);
  } catch (error) {
    // A permanent refusal (past the provider's refund window, …) will not change in 60 s.
    if (error instanceof PaymentRefusedError) {
      throw new PreconditionFailedError(
        `The payment provider refused the refund: ${error.message}`,
      );
    }
    throw new ServiceUnavailableError(
      "The payment provider refused or could not take the refund right now.",
      60,
    );
  }
  return toOrder(row);
}
