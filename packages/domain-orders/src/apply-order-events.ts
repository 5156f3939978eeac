import { newId } from "@digistore/core";
import type { Database, PurchasedProductsTable } from "@digistore/db";
import { recordProductSale } from "@digistore/domain-catalog";
import type { Kysely, Selectable } from "kysely";
import { deriveOrderState, type DerivedOrderState } from "./derive-order-state";
import { listOrderEventRows } from "./events.repository";
import { toOrder, wasPaid, type Order } from "./order";
import { lockOrderRow, updateOrderRow, type LockedOrderRow } from "./orders.repository";
import type { OrdersDeps } from "./ports";
import { ZPaymentEvent } from "./provider";
import { findPurchaseRow, insertPurchaseIfAbsent, updatePurchaseRow } from "./purchases.repository";

/**
 * Re-derives one order from all its recorded events, inside the caller's transaction, and
 * brings access, emails and hooks in line. Safe to run any number of times.
 */
export async function applyOrderEvents(
  trx: Kysely<Database>,
  deps: OrdersDeps,
  orderId: string,
): Promise<Order | null> {
  const row = await lockOrderRow(trx, deps.dialect, orderId);
  return row ? applyLockedOrder(trx, deps, row) : null;
}

/** As `applyOrderEvents`, for an order row the caller has already locked in `trx`. */
export async function applyLockedOrder(
  trx: Kysely<Database>,
  deps: OrdersDeps,
  row: LockedOrderRow,
): Promise<Order> {
  const orderId = row.id;
  const now = deps.clock.now().toISOString();
  const events = await listOrderEventRows(trx, orderId);
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
  const derived = deriveOrderState(
    { amount: row.amount, currency: row.currency, expired: row.status === "expired" },
    facts,
  );
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

  if (row.kind === "product")
    await syncAccess(trx, row.user_id, row.product_id, orderId, derived, now);
  await sideEffects(trx, deps, before, after, {
    email: buyer_email,
    displayName: buyer_name,
    productTitle: product_title,
  });
  for (const hook of deps.onOrderChange ?? []) await hook(trx, { before, after });
  return after;
}

async function syncAccess(
  trx: Kysely<Database>,
  userId: string,
  productId: string,
  orderId: string,
  derived: DerivedOrderState,
  now: string,
): Promise<void> {
  if (derived.access === "none") return;
  const granted = await insertPurchaseIfAbsent(trx, {
    id: newId(),
    user_id: userId,
    product_id: productId,
    order_id: orderId,
    created_at: now,
    ...grantState(derived, now, null),
  });
  if (granted) return;
  const grant = (await findPurchaseRow(trx, userId, productId))!;
  if (grant.order_id !== orderId) {
    // Another order holds this grant. A revoked grant may be renewed by a newer paid order;
    // an old order's late events never touch a grant they no longer own.
    if (derived.access !== "active" || grant.revoked_at === null) return;
  }
  await updatePurchaseRow(trx, grant.id, { order_id: orderId, ...grantState(derived, now, grant) });
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
  deps: OrdersDeps,
  before: Order,
  after: Order,
  about: { email: string; displayName: string; productTitle: string },
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
