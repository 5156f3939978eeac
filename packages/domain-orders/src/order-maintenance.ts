import { HOUR } from "@digistore/core";
import { applyOrderEvents } from "./apply-order-events";
import {
  listExpiredPendingOrderIds,
  listStalePendingOrders,
  updateOrderRow,
} from "./orders.repository";
import type { OrdersDeps } from "./ports";

/** Pending orders older than 24 h expire (they stay, as history). Returns how many. */
export async function expirePendingOrders(deps: OrdersDeps, limit = 500): Promise<number> {
  const now = deps.clock.now().toISOString();
  const due = await listExpiredPendingOrderIds(deps.db, now, limit);
  for (const { id } of due) {
    await deps.db.transaction().execute(async (trx) => {
      await updateOrderRow(trx, id, { status: "expired", updated_at: now });
      // A payment event may have raced the expiry: the derivation has the last word.
      await applyOrderEvents(trx, deps, id);
    });
  }
  return due.length;
}

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
  deps: OrdersDeps,
  olderThanMs = HOUR,
): Promise<ReconcileReport> {
  const cutoff = new Date(deps.clock.now().getTime() - olderThanMs).toISOString();
  const stale = await listStalePendingOrders(deps.db, cutoff, 200);
  const succeeded: string[] = [];
  const failed: string[] = [];
  for (const order of stale) {
    const status = await deps.provider
      .checkoutStatus(order.provider_checkout_id!)
      .catch(() => "unknown" as const);
    if (status === "succeeded") succeeded.push(order.id);
    if (status === "failed") failed.push(order.id);
  }
  return { checked: stale.length, succeededWithoutWebhook: succeeded, failed };
}
