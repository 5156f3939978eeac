import { parseInput, requireStaffOrSystem } from "@digistore/core";
import { listStalePendingOrders } from "./orders.repository";
import { ZReconcilePendingOrdersInput } from "./orders.schemas";
import type { OrdersContext } from "./ports";

export interface ReconcileReport {
  readonly checked: number;
  readonly succeededWithoutWebhook: string[];
  readonly failed: string[];
}

/**
 * `digistore payments reconcile`: asks the provider about pending orders older than an hour.
 * It grants nothing itself — a checkout the provider says succeeded is reported so staff can
 * have the provider re-send its webhook; only a verified event changes an order.
 */
export async function reconcilePendingOrders(
  ctx: Pick<OrdersContext, "db" | "clock" | "actor" | "payments">,
  rawInput?: unknown,
): Promise<ReconcileReport> {
  requireStaffOrSystem(ctx.actor);
  const input = parseInput(ZReconcilePendingOrdersInput, rawInput);
  const cutoff = new Date(ctx.clock.now().getTime() - input.olderThanMs).toISOString();
  const stale = await listStalePendingOrders(ctx.db, cutoff, 200);
  const succeeded: string[] = [];
  const failed: string[] = [];
  for (const order of stale) {
    const status = await ctx.payments
      .checkoutStatus(order.provider_checkout_id!)
      .catch(() => "unknown" as const);
    if (status === "succeeded") succeeded.push(order.id);
    if (status === "failed") failed.push(order.id);
  }
  return { checked: stale.length, succeededWithoutWebhook: succeeded, failed };
}
