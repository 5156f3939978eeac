import { parseInput, requireUser } from "@digistore/core";
import { toOrder, type Order } from "./order";
import { listUserOrderRows } from "./orders.repository";
import { ZListOrdersInput } from "./orders.schemas";
import type { OrdersContext } from "./ports";

export interface OrderSummary extends Order {
  readonly productTitle: string;
  readonly productSlug: string;
}

/** Order history: every order of the caller, failed and refunded ones included, newest first. */
export async function listOrders(
  ctx: Pick<OrdersContext, "db" | "actor">,
  rawInput?: unknown,
): Promise<OrderSummary[]> {
  const { userId } = requireUser(ctx.actor);
  const input = parseInput(ZListOrdersInput, rawInput);
  const rows = await listUserOrderRows(ctx.db, userId, input.limit);
  return rows.map(({ product_title, product_slug, ...row }) => ({
    ...toOrder(row),
    productTitle: product_title,
    productSlug: product_slug,
  }));
}
