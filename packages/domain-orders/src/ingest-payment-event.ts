import { newId } from "@digistore/core";
import { applyOrderEvents } from "./apply-order-events";
import { insertEventIfNew, setEventOutcome } from "./events.repository";
import { findOrderRow } from "./orders.repository";
import type { OrdersDeps } from "./ports";
import type { PaymentEvent } from "./provider";

export type IngestOutcome = "processed" | "duplicate" | "unmatched" | "failed";

/**
 * Webhook path: the verified event is stored first (so a 2xx is only sent once it is durable),
 * exactly once per (provider, event id); then the order it names is re-derived. A failure while
 * applying leaves the event stored and flagged for staff to re-process.
 */
export async function ingestPaymentEvent(
  deps: OrdersDeps,
  event: PaymentEvent,
): Promise<{ outcome: IngestOutcome; eventId: string }> {
  const now = deps.clock.now().toISOString();
  const order = event.orderId ? await findOrderRow(deps.db, event.orderId) : undefined;
  const id = newId();
  const stored = await insertEventIfNew(deps.db, {
    id,
    provider: deps.provider.name,
    event_id: event.eventId,
    type: event.type,
    order_id: order ? order.id : null,
    payload: JSON.stringify(event),
    occurred_at: event.occurredAt,
    received_at: now,
    processed_at: null,
    outcome: order ? "received" : "unmatched",
    error: order ? null : event.orderId ? `unknown order ${event.orderId}` : "event names no order",
  });
  if (!stored) return { outcome: "duplicate", eventId: event.eventId };
  if (!order) return { outcome: "unmatched", eventId: event.eventId };
  return { outcome: await processStoredEvent(deps, id, order.id), eventId: event.eventId };
}

/** Applies a stored event's order and records the outcome (also the staff "re-process" path). */
export async function processStoredEvent(
  deps: OrdersDeps,
  storedId: string,
  orderId: string,
): Promise<"processed" | "failed"> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      await applyOrderEvents(trx, deps, orderId);
      await setEventOutcome(
        trx,
        storedId,
        "processed",
        deps.clock.now().toISOString(),
        null,
        orderId,
      );
    });
    return "processed";
  } catch (error) {
    const message = error instanceof Error ? error.message : "unknown error";
    await setEventOutcome(deps.db, storedId, "failed", null, message.slice(0, 1000));
    return "failed";
  }
}
