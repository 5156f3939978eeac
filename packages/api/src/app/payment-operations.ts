import {
  expirePendingOrders,
  findStoredEventId,
  reconcilePendingOrders,
  reprocessPaymentEvent,
} from "@digistore/domain-orders";
import { SYSTEM } from "@digistore/core";
import type { AppServices } from "../context";

/**
 * The operator's `payments reconcile` (acting as the store itself): expire stale orders, then ask the provider about the
 * pending ones. Grants nothing by itself — a success the provider reports still needs its
 * webhook.
 */
export async function reconcilePayments(services: AppServices) {
  const ctx = { ...services, actor: SYSTEM };
  const expired = await expirePendingOrders(ctx);
  return { expired, ...(await reconcilePendingOrders(ctx)) };
}

/** The operator's `payments replay`: re-derive an order from a stored event (state-based, safe). */
export async function replayPaymentEvent(services: AppServices, providerEventId: string) {
  const ctx = { ...services, actor: SYSTEM };
  const stored = await findStoredEventId(ctx, { providerEventId });
  return stored ? await reprocessPaymentEvent(ctx, { id: stored }) : null;
}
