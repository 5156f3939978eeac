import {
  NotFoundError,
  PreconditionFailedError,
  ServiceUnavailableError,
  parseInput,
  requireSeller,
  requireUser,
} from "@digistore/core";
import { getProduct } from "@digistore/domain-catalog";
import { toOrder, wasPaid, type Order } from "./order";
import { findOrderRow } from "./orders.repository";
import { ZRefundInput } from "./orders.schemas";
import type { OrdersContext } from "./ports";
import { PaymentRefusedError } from "./provider";

/**
 * Asks the provider to refund an order (staff, or the product's seller: anyone else is
 * FORBIDDEN, another seller's order NOT_FOUND). Nothing changes here: the refund's own
 * webhook revokes access when it arrives, like any other refund.
 */
export async function requestRefund(
  ctx: Pick<OrdersContext, "db" | "actor" | "payments">,
  rawInput: unknown,
): Promise<Order> {
  const actor = requireUser(ctx.actor);
  if (!actor.roles.staff) requireSeller(actor, "Only staff or the product's seller can refund.");
  const input = parseInput(ZRefundInput, rawInput);
  const row = await findOrderRow(ctx.db, input.orderId);
  if (!row) throw new NotFoundError("Order not found.");
  if (!actor.roles.staff) {
    const product = await getProduct(ctx, row.product_id);
    if (product.sellerId !== actor.userId) throw new NotFoundError("Order not found.");
  }
  if (!wasPaid(row.status) || row.status === "refunded")
    throw new PreconditionFailedError("Only paid orders can be refunded.");
  if (!row.provider_payment_id)
    throw new PreconditionFailedError("This order has no payment to refund yet.");
  const remaining = row.amount - row.refunded_amount;
  if (input.amount !== undefined && (input.amount <= 0 || input.amount > remaining)) {
    throw new PreconditionFailedError(`A refund must be between 1 and ${remaining} (minor units).`);
  }
  try {
    await ctx.payments.refund(row.provider_payment_id, input.amount, row.id);
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
