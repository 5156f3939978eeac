import { parseInput, requireStaff } from "@digistore/core";
import type { PaymentEventOutcome } from "@digistore/db";
import { listEventRows } from "./events.repository";
import { ZListPaymentEventsInput } from "./orders.schemas";
import type { OrdersContext } from "./ports";

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
  ctx: Pick<OrdersContext, "db" | "actor">,
  rawInput?: unknown,
): Promise<PaymentEventView[]> {
  requireStaff(ctx.actor);
  const input = parseInput(ZListPaymentEventsInput, rawInput);
  const rows = await listEventRows(ctx.db, input);
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
