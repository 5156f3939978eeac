import { newId } from "@digistore/core";
import type { Database } from "@digistore/db";
import { sql, type Kysely } from "kysely";
import { applyLockedOrder } from "./apply-order-events";
import { insertEventIfNew, setEventOutcome } from "./events.repository";
import { lockOrderRow } from "./orders.repository";
import type { OrdersDeps } from "./ports";
import type { PaymentEvent } from "./provider";

export type IngestOutcome = "processed" | "duplicate" | "unmatched" | "failed";

/**
 * Webhook path, one transaction per event: the order it names is locked, the event is stored
 * exactly once per (provider, event id) and the order re-derived from all its events. Applying
 * runs under a savepoint, so a failure there still commits the event, flagged for staff to
 * re-process. The caller answers 2xx only after this returns, i.e. once the event is durable.
 */
export async function ingestPaymentEvent(
  deps: OrdersDeps,
  event: PaymentEvent,
): Promise<{ outcome: IngestOutcome; eventId: string }> {
  const outcome = await deps.db.transaction().execute(async (trx): Promise<IngestOutcome> => {
    const now = deps.clock.now().toISOString();
    const order = event.orderId ? await lockOrderRow(trx, deps.dialect, event.orderId) : undefined;
    const id = newId();
    const stored = await insertEventIfNew(trx, {
      id,
      provider: deps.provider.name,
      event_id: event.eventId,
      type: event.type,
      order_id: order ? order.id : null,
      payload: JSON.stringify(event),
      occurred_at: event.occurredAt,
      received_at: now,
      // Optimistic: a failure below rolls back to the savepoint and says so instead.
      processed_at: order ? now : null,
      outcome: order ? "processed" : "unmatched",
      error: order
        ? null
        : event.orderId
          ? `unknown order ${event.orderId}`
          : "event names no order",
    });
    if (!stored) return "duplicate";
    if (!order) return "unmatched";
    const failure = await underSavepoint(trx, () => applyLockedOrder(trx, deps, order));
    if (failure === null) return "processed";
    await setEventOutcome(trx, id, "failed", null, failure);
    return "failed";
  });
  return { outcome, eventId: event.eventId };
}

/** Applies a stored event's order and records the outcome (the staff "re-process" path). */
export async function processStoredEvent(
  deps: OrdersDeps,
  storedId: string,
  orderId: string,
): Promise<"processed" | "failed"> {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrderRow(trx, deps.dialect, orderId);
    const failure = order
      ? await underSavepoint(trx, () => applyLockedOrder(trx, deps, order))
      : `unknown order ${orderId}`;
    const processedAt = failure === null ? deps.clock.now().toISOString() : null;
    await setEventOutcome(
      trx,
      storedId,
      failure === null ? "processed" : "failed",
      processedAt,
      failure,
      order ? orderId : undefined,
    );
    return failure === null ? "processed" : "failed";
  });
}

/**
 * Runs `work` so that its writes vanish if it throws, without aborting the enclosing
 * transaction (PostgreSQL refuses every later statement of a transaction with a failed one).
 * Returns why it failed, or null.
 */
async function underSavepoint(
  trx: Kysely<Database>,
  work: () => Promise<unknown>,
): Promise<string | null> {
  await sql`savepoint apply_event`.execute(trx);
  try {
    await work();
    await sql`release savepoint apply_event`.execute(trx);
    return null;
  } catch (error) {
    await sql`rollback to savepoint apply_event`.execute(trx);
    await sql`release savepoint apply_event`.execute(trx);
    return (error instanceof Error ? error.message : "unknown error").slice(0, 1000);
  }
}
