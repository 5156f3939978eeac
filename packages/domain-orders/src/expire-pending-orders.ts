import { parseInput, requireStaffOrSystem } from "@digistore/core";
import { applyOrderEvents } from "./apply-order-events";
import { listExpiredPendingOrderIds, updateOrderRow } from "./orders.repository";
import { ZExpirePendingOrdersInput } from "./orders.schemas";
import type { OrdersContext } from "./ports";

/** Pending orders older than 24 h expire (they stay, as history). Returns how many. */
export async function expirePendingOrders(
  ctx: Pick<OrdersContext, "db" | "dialect" | "clock" | "actor" | "emails" | "orderHooks">,
  rawInput?: unknown,
): Promise<number> {
  requireStaffOrSystem(ctx.actor);
  const input = parseInput(ZExpirePendingOrdersInput, rawInput);
  const now = ctx.clock.now().toISOString();
  const due = await listExpiredPendingOrderIds(ctx.db, now, input.limit);
  for (const { id } of due) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateOrderRow(trx, id, { status: "expired", updated_at: now });
      // A payment event may have raced the expiry: the derivation has the last word.
      await applyOrderEvents(trx, ctx, id);
    });
  }
  return due.length;
}
