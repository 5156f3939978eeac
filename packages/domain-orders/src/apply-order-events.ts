import { newId } from "@digistore/core";
import type { Database, OrdersTable, PurchasedProductsTable } from "@digistore/db";
import { recordProductSale } from "@digistore/domain-catalog";
import type { Kysely, Selectable } from "kysely";
import { deriveOrderState, type DerivedOrderState } from "./derive-order-state";
import { listOrderEventRows } from "./events.repository";
import { toOrder, wasPaid, type Order } from "./order";
import {
  listSiblingProductOrders,
  lockOrderRow,
  updateOrderRow,
  type LockedOrderRow,
} from "./orders.repository";
import type { OrdersContext } from "./ports";
import { ZPaymentEvent } from "./provider";
import { insertPurchaseIfAbsent, lockPurchaseRow, updatePurchaseRow } from "./purchases.repository";

/** What re-deriving an order touches: its grant, its emails and the hooks above orders. */
export type ApplyContext = Pick<OrdersContext, "dialect" | "clock" | "emails" | "orderHooks">;

/**
 * Re-derives one order from all its recorded events, inside the caller's transaction, and
 * brings access, emails and hooks in line. Safe to run any number of times.
 */
export async function applyOrderEvents(
  trx: Kysely<Database>,
  deps: ApplyContext,
  orderId: string,
): Promise<Order | null> {
  const row = await lockOrderRow(trx, deps.dialect, orderId);
  return row ? applyLockedOrder(trx, deps, row) : null;
}

/** As `applyOrderEvents`, for an order row the caller has already locked in `trx`. */
export async function applyLockedOrder(
  trx: Kysely<Database>,
  deps: ApplyContext,
  row: LockedOrderRow,
): Promise<Order> {
  const orderId = row.id;
  const now = deps.clock.now().toISOString();
  const derived = await deriveStoredOrder(trx, row);
  const { buyer_email, buyer_name, product_title, ...orderRow } = row;
  const before = toOrder(orderRow);
  const changes = {
    status: derived.status,
    refunded_amount: derived.refundedAmount,
    paid_at: derived.paidAt ?? row.paid_at,
    provider_payment_id: derived.paymentId ?? row.provider_payment_id,
    updated_at: now,
  };
  await updateOrderRow(trx, orderId, changes);
  const after = toOrder({ ...orderRow, ...changes });

  if (row.kind === "product") await syncAccess(trx, deps, row, derived, now);
  const receiptNotes: string[] = [];
  for (const hook of deps.orderHooks) {
    const result = await hook(trx, { before, after });
    if (result?.receiptNotes) receiptNotes.push(...result.receiptNotes);
  }
  await sideEffects(trx, deps, before, after, {
    email: buyer_email,
    displayName: buyer_name,
    productTitle: product_title,
    receiptNotes,
  });
  return after;
}

type StoredOrder = Pick<Selectable<OrdersTable>, "id" | "amount" | "currency" | "status">;

/** An order's state from every event stored for it (the one derivation, for any order). */
async function deriveStoredOrder(
  trx: Kysely<Database>,
  order: StoredOrder,
): Promise<DerivedOrderState> {
  const events = await listOrderEventRows(trx, order.id);
  const facts = events.flatMap((e) => {
    const parsed = ZPaymentEvent.safeParse(JSON.parse(e.payload));
    return parsed.success
      ? [
          {
            occurredAt: parsed.data.occurredAt,
            paymentId: parsed.data.paymentId,
            fact: parsed.data.fact,
          },
        ]
      : [];
  });
  return deriveOrderState(
    { amount: order.amount, currency: order.currency, expired: order.status === "expired" },
    facts,
  );
}

// Which order's access wins when a customer holds several for one product.
const ACCESS_RANK: Record<DerivedOrderState["access"], number> = {
  owner: 3,
  suspended: 2,
  revoked: 1,
  none: 0,
};

/**
 * Brings the (user, product) grant in line with the *set* of the user's orders for that
 * product: active while any order is paid and unrefunded, else suspended while any is under
 * dispute, else revoked — whatever order their events arrive in. The grant row is locked
 * first, so when two orders change at once the second recomputes with the first committed.
 */
async function syncAccess(
  trx: Kysely<Database>,
  deps: ApplyContext,
  order: LockedOrderRow,
  derived: DerivedOrderState,
  now: string,
): Promise<void> {
  if (derived.access !== "none") {
    const granted = await insertPurchaseIfAbsent(trx, {
      id: newId(),
      user_id: order.user_id,
      product_id: order.product_id,
      order_id: order.id,
      created_at: now,
      ...grantState(derived, now, null),
    });
    if (granted) return;
  }
  const grant = await lockPurchaseRow(trx, deps.dialect, order.user_id, order.product_id);
  if (!grant) return;
  const candidates: { orderId: string; state: DerivedOrderState }[] = [
    { orderId: order.id, state: derived },
  ];
  for (const sibling of await listSiblingProductOrders(trx, order)) {
    candidates.push({ orderId: sibling.id, state: await deriveStoredOrder(trx, sibling) });
  }
  // Stable: on a tie the order whose events just arrived keeps (or takes) the grant.
  const best = candidates.reduce((a, b) =>
    ACCESS_RANK[b.state.access] > ACCESS_RANK[a.state.access] ? b : a,
  );
  if (best.state.access === "none") return;
  await updatePurchaseRow(trx, grant.id, {
    order_id: best.orderId,
    ...grantState(best.state, now, grant),
  });
}

/** What a grant's flags should be; an existing grant keeps the time it was first revoked or suspended. */
function grantState(
  derived: DerivedOrderState,
  now: string,
  grant: Pick<Selectable<PurchasedProductsTable>, "revoked_at" | "suspended_at"> | null,
) {
  return {
    revoked_at: derived.access === "revoked" ? (grant?.revoked_at ?? now) : null,
    revoke_reason: derived.access === "revoked" ? derived.revokeReason : null,
    suspended_at: derived.access === "suspended" ? (grant?.suspended_at ?? now) : null,
  };
}

/** Receipts, refund notices and sales counts fire on transitions, which the lock makes unique. */
async function sideEffects(
  trx: Kysely<Database>,
  deps: ApplyContext,
  before: Order,
  after: Order,
  about: { email: string; displayName: string; productTitle: string; receiptNotes: string[] },
): Promise<void> {
  const becamePaid = !wasPaid(before.status) && wasPaid(after.status);
  const refundGrew = after.refunded.amount > before.refunded.amount;
  if (becamePaid) {
    if (after.kind === "product") await recordProductSale(trx, after.productId, 1);
    await deps.emails.queue(trx, {
      kind: "receipt",
      to: about.email,
      displayName: about.displayName,
      orderId: after.id,
      productTitle: about.productTitle,
      amount: after.total.amount,
      currency: after.total.currency,
      orderKind: after.kind,
      ...(about.receiptNotes.length ? { notes: about.receiptNotes } : {}),
    });
  }
  if (refundGrew) {
    await deps.emails.queue(trx, {
      kind: "refund_notice",
      to: about.email,
      displayName: about.displayName,
      orderId: after.id,
      productTitle: about.productTitle,
      amount: after.refunded.amount - before.refunded.amount,
      currency: after.total.currency,
      full: after.refunded.amount >= after.total.amount,
    });
  }
}
