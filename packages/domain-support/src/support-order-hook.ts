import type { OrderChangeHook } from "@digistore/domain-orders";
import type { SupportHookDeps } from "./ports";
import { queueSupportPaid } from "./support-emails";
import {
  findActiveRequestId,
  lockRequestRowByOrder,
  updateRequestIfStatus,
} from "./support-requests.repository";
import { eventForOrderStatus, isActive, nextStatus } from "./support-request";

/**
 * Wire into the orders context's `orderHooks`. Runs inside the order's transaction each time a
 * support order is re-derived from provider events, and is state-based: the request's target
 * is computed from the order's current status through the transition table, so a duplicate
 * or replayed event changes nothing and emails nobody twice.
 *
 * - paid / disputed → an awaiting (or expired) request opens, `paid_at` is set, the seller is
 *   emailed;
 * - refunded or partially refunded → the request is cancelled: any refund of support, full or
 *   partial, ends it (the thread stays readable);
 * - failed / cancelled / expired while awaiting payment → the request expires.
 *
 * A payment that lands after its request expired reopens it, unless the customer has opened
 * another request for the purchase since: then it stays expired and the money is for staff
 * to refund (one active request per purchase always holds).
 */
export function createSupportOrderHook(deps: SupportHookDeps): OrderChangeHook {
  return async (db, { after }) => {
    if (after.kind !== "support") return;
    const event = eventForOrderStatus(after.status);
    if (!event) return;
    const row = await lockRequestRowByOrder(db, deps.dialect, after.id);
    // No request: an order placed by an open that lost the race for the purchase's slot.
    if (!row) return;
    const target = nextStatus(row.status, event);
    if (target === null || target === row.status) return;
    if (isActive(target) && !isActive(row.status)) {
      if (await findActiveRequestId(db, row.purchase_id, row.id)) return;
    }
    const at = deps.clock.now().toISOString();
    const opened = target === "open";
    const moved = await updateRequestIfStatus(db, row.id, row.status, {
      status: target,
      updated_at: at,
      ...(opened ? { paid_at: row.paid_at ?? after.paidAt ?? at } : {}),
    });
    if (moved && opened) await queueSupportPaid(db, deps.emails, row);
  };
}
