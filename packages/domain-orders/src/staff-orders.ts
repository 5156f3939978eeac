import { NotFoundError, PreconditionFailedError, ServiceUnavailableError } from "@digistore/core";
import type { PaymentEventOutcome } from "@digistore/db";
import { getProduct } from "@digistore/domain-catalog";
import {
  findEventRow,
  findEventRowByProviderId,
  listEventRows,
  replaceEventPayload,
  setEventOutcome,
} from "./events.repository";
import { processStoredEvent } from "./ingest-payment-event";
import { findOrderRow } from "./orders.repository";
import { toOrder, wasPaid, type Order } from "./order";
import type { OrdersDeps } from "./ports";
import { PaymentRefusedError, ZPaymentEvent } from "./provider";

export interface PaymentEventView {
  readonly id: string;
  readonly provider: string;
  readonly eventId: string;
  readonly type: string;
  readonly orderId: string | null;
  readonly occurredAt: string;
  readonly receivedAt: string;
  readonly processedAt: string | null;
  readonly outcome: PaymentEventOutcome;
  readonly error: string | null;
}

/** The staff event log, newest first. */
export async function listPaymentEvents(
  deps: Pick<OrdersDeps, "db">,
  options: { limit?: number; before?: string; outcome?: PaymentEventOutcome } = {},
): Promise<PaymentEventView[]> {
  const rows = await listEventRows(deps.db, {
    limit: Math.min(options.limit ?? 50, 200),
    before: options.before,
    outcome: options.outcome,
  });
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    eventId: r.event_id,
    type: r.type,
    orderId: r.order_id,
    occurredAt: r.occurred_at,
    receivedAt: r.received_at,
    processedAt: r.processed_at,
    outcome: r.outcome,
    error: r.error,
  }));
}

/**
 * Staff "re-process": runs a stored event's order through the derivation again. Safe at any
 * time (state-based); an unmatched event is matched if its order exists now.
 */
export async function reprocessPaymentEvent(
  deps: OrdersDeps,
  storedId: string,
): Promise<"processed" | "failed" | "unmatched"> {
  const row = await findEventRow(deps.db, storedId.slice(0, 64));
  if (!row) throw new NotFoundError("Event not found.");
  let event = ZPaymentEvent.parse(JSON.parse(row.payload));
  if (event.fact.kind === "unparseable" && event.rawBody !== undefined) {
    // Stored because today's code could not read it: read it again with the code of now.
    event = await deps.provider.reparse({ eventId: event.eventId, rawBody: event.rawBody });
    if (event.fact.kind === "unparseable") {
      await setEventOutcome(deps.db, row.id, "failed", null, `unparseable: ${event.fact.reason}`);
      return "failed";
    }
    await replaceEventPayload(deps.db, row.id, event);
  }
  if (event.fact.kind === "ignored") return "unmatched";
  const orderId = row.order_id ?? event.orderId;
  if (!orderId || !(await findOrderRow(deps.db, orderId))) return "unmatched";
  return processStoredEvent(deps, row.id, orderId);
}

/** Finds a stored event by the provider's own id (CLI `payments replay <event id>`). */
export async function findStoredEventId(
  deps: Pick<OrdersDeps, "db" | "provider">,
  providerEventId: string,
): Promise<string | null> {
  return (await findEventRowByProviderId(deps.db, deps.provider.name, providerEventId))?.id ?? null;
}

/**
 * Asks the provider to refund an order (staff or the product's seller). Nothing changes here:
 * the refund's own webhook revokes access when it arrives, like any other refund.
 */
export async function requestRefund(
  deps: OrdersDeps,
  actor: { userId: string; staff: boolean },
  input: { orderId: string; amount?: number | undefined },
): Promise<Order> {
  const row = await findOrderRow(deps.db, input.orderId.slice(0, 64));
  if (!row) throw new NotFoundError("Order not found.");
  if (!actor.staff) {
    const product = await getProduct(deps, row.product_id);
    if (product.sellerId !== actor.userId) throw new NotFoundError("Order not found.");
  }
  if (!wasPaid(row.status) || row.status === "refunded")
    throw new PreconditionFailedError("Only paid orders can be refunded.");
  if (!row.provider_payment_id)
    throw new PreconditionFailedError("This order has no payment to refund yet.");
  const remaining = row.amount - row.refunded_amount;
  if (input.amount !== undefined && (input.amount <= 0 || input.amount > remaining)) {
    throw new PreconditionFailedError(`A refund must be between 1 and ${remaining} (minor units).`);
  }
  try {
    await deps.provider.refund(row.provider_payment_id, input.amount, row.id);
  } catch (error) {
    // A permanent refusal (past the provider's refund window, …) will not change in 60 s.
    if (error instanceof PaymentRefusedError) {
      throw new PreconditionFailedError(
        `The payment provider refused the refund: ${error.message}`,
      );
    }
    throw new ServiceUnavailableError(
      "The payment provider refused or could not take the refund right now.",
      60,
    );
  }
  return toOrder(row);
}
