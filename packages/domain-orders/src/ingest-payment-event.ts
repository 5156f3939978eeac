import { newId } from "@digistore/core";
import type { PaymentEventsTable } from "@digistore/db";
import type { Insertable } from "kysely";
import { applyLockedOrder } from "./apply-order-events";
import { insertEventIfNew, setEventOutcome } from "./events.repository";
import { lockOrderRow } from "./orders.repository";
import type { OrdersDeps } from "./ports";
import type { PaymentEvent } from "./provider";

export type IngestOutcome = "processed" | "duplicate" | "unmatched" | "failed";

/**
 * Webhook path. In one transaction the order the event names is locked, the event stored
 * exactly once per (provider, event id) and the order re-derived from all its events. If
 * applying fails, that transaction is gone and the event is stored on its own, flagged for
 * staff to re-process. Either way the event is durable when this returns, so the caller may
 * answer 2xx; if it throws, nothing was stored and the provider's retry is welcome.
 */
export async function ingestPaymentEvent(
  deps: OrdersDeps,
  event: PaymentEvent,
): Promise<{ outcome: IngestOutcome; eventId: string }> {
  const received = deps.clock.now().toISOString();
  const row = (
    fields: Pick<PaymentEventsTable, "order_id" | "outcome" | "processed_at" | "error">,
  ) =>
    ({
      id: newId(),
      provider: deps.provider.name,
      event_id: event.eventId,
      type: event.type,
      payload: JSON.stringify(event),
      occurred_at: event.occurredAt,
      received_at: received,
      ...fields,
    }) satisfies Insertable<PaymentEventsTable>;

  let matchedOrderId: string | null = null;
  try {
    const outcome = await deps.db.transaction().execute(async (trx): Promise<IngestOutcome> => {
      const order = event.orderId
        ? await lockOrderRow(trx, deps.dialect, event.orderId)
        : undefined;
      matchedOrderId = order?.id ?? null;
      const stored = await insertEventIfNew(
        trx,
        order
          ? row({ order_id: order.id, outcome: "processed", processed_at: received, error: null })
          : row({
              order_id: null,
              outcome: "unmatched",
              processed_at: null,
              error: unmatched(event),
            }),
      );
      if (!stored) return "duplicate";
      if (!order) return "unmatched";
      await applyLockedOrder(trx, deps, order);
      return "processed";
    });
    return { outcome, eventId: event.eventId };
  } catch (error) {
    // Nothing of the transaction is left; keep the event itself (or fail, and be retried).
    const stored = await insertEventIfNew(
      deps.db,
      row({ order_id: matchedOrderId, outcome: "failed", processed_at: null, error: why(error) }),
    );
    return { outcome: stored ? "failed" : "duplicate", eventId: event.eventId };
  }
}

/** Applies a stored event's order and records the outcome (the staff "re-process" path). */
export async function processStoredEvent(
  deps: OrdersDeps,
  storedId: string,
  orderId: string,
): Promise<"processed" | "failed"> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const order = await lockOrderRow(trx, deps.dialect, orderId);
      if (!order) throw new Error(`unknown order ${orderId}`);
      await applyLockedOrder(trx, deps, order);
      const at = deps.clock.now().toISOString();
      await setEventOutcome(trx, storedId, "processed", at, null, orderId);
    });
    return "processed";
  } catch (error) {
    await setEventOutcome(deps.db, storedId, "failed", null, why(error));
    return "failed";
  }
}

function unmatched(event: PaymentEvent): string {
  return event.orderId ? `unknown order ${event.orderId}` : "event names no order";
}

function why(error: unknown): string {
  return (error instanceof Error ? error.message : "unknown error").slice(0, 1000);
}
