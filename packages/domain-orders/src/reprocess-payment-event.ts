import { NotFoundError, parseInput, requireStaffOrSystem } from "@digistore/core";
import { findEventRow, replaceEventPayload, setEventOutcome } from "./events.repository";
import { processStoredEvent } from "./ingest-payment-event";
import { findOrderRow } from "./orders.repository";
import { ZPaymentEventRef } from "./orders.schemas";
import type { OrdersContext } from "./ports";
import { ZPaymentEvent } from "./provider";

/**
 * Staff "re-process" (and the CLI's replay): runs a stored event's order through the
 * derivation again. Safe at any time (state-based); an unmatched event is matched if its
 * order exists now.
 */
export async function reprocessPaymentEvent(
  ctx: Pick<
    OrdersContext,
    "db" | "dialect" | "clock" | "actor" | "payments" | "emails" | "orderHooks"
  >,
  rawInput: unknown,
): Promise<"processed" | "failed" | "unmatched"> {
  requireStaffOrSystem(ctx.actor);
  const input = parseInput(ZPaymentEventRef, rawInput);
  const row = await findEventRow(ctx.db, input.id);
  if (!row) throw new NotFoundError("Event not found.");
  let event = ZPaymentEvent.parse(JSON.parse(row.payload));
  if (event.fact.kind === "unparseable" && event.rawBody !== undefined) {
    // Stored because today's code could not read it: read it again with the code of now.
    event = await ctx.payments.reparse({ eventId: event.eventId, rawBody: event.rawBody });
    if (event.fact.kind === "unparseable") {
      await setEventOutcome(ctx.db, row.id, "failed", null, `unparseable: ${event.fact.reason}`);
      return "failed";
    }
    await replaceEventPayload(ctx.db, row.id, event);
  }
  if (event.fact.kind === "ignored") return "unmatched";
  const orderId = row.order_id ?? event.orderId;
  if (!orderId || !(await findOrderRow(ctx.db, orderId))) return "unmatched";
  return processStoredEvent(ctx, row.id, orderId);
}
