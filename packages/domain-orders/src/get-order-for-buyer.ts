import { NotFoundError, parseInput, requireUser } from "@digistore/core";
import { ZOrderRef } from "./checkout.schemas";
import { toOrder, type Order } from "./order";
import { findOrderRow } from "./orders.repository";
import type { OrdersContext } from "./ports";

/**
 * The return page's question: has the webhook landed? Only the buyer may ask (others get
 * NOT_FOUND). It reads state; it never changes it.
 */
export async function getOrderForBuyer(
  ctx: Pick<OrdersContext, "db" | "actor">,
  rawInput: unknown,
): Promise<Order> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZOrderRef, rawInput);
  const row = await findOrderRow(ctx.db, input.orderId);
  if (!row || row.user_id !== userId) throw new NotFoundError("Order not found.");
  return toOrder(row);
}
