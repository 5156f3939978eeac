import {
  expirePendingOrders,
  findStoredEventId,
  reconcilePendingOrders,
  reprocessPaymentEvent,
} from "@digistore/domain-orders";
import type { AppServices } from "../context";
import { ordersDeps } from "../deps";

/**
 * The operator's `payments reconcile`: expire stale orders, then ask the provider about the
 * pending ones. Grants nothing by itself — a success the provider reports still needs its
 * webhook.
 */
export async function reconcilePayments(services: AppServices) {
  const deps = ordersDeps(services);
  const expired = await expirePendingOrders(deps);
  return { expired, ...(await reconcilePendingOrders(deps)) };
}

/** The operator's `payments replay`: re-derive an order from a stored event (state-based, safe). */
export async function replayPaymentEvent(services: AppServices, providerEventId: string) {
  const deps = ordersDeps(services);
  const stored = await findStoredEventId(deps, providerEventId);
  return stored ? await reprocessPaymentEvent(deps, stored) : null;
}
