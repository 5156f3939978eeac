import { newId, requireStaffOrSystem } from "@digistore/core";
import type { Database, PaymentEventsTable } from "@digistore/db";
import type { Insertable, Kysely } from "kysely";
import { applyLockedOrder, type ApplyContext } from "./apply-order-events";
import { insertEventIfNew, setEventOutcome } from "./events.repository";
import { lockOrderRow } from "./orders.repository";
import type { OrdersContext } from "./ports";
import type { PaymentEvent, PaymentProvider } from "./provider";

export type IngestOutcome = "processed" | "duplicate" | "unmatched" | "failed";
/** What storing and applying provider events touches. */
/** Ingesting stores events under the provider's name; it never calls the provider. */
export type IngestContext = ApplyContext &
  Pick<OrdersContext, "db" | "actor"> & { readonly payments: Pick<PaymentProvider, "name"> };

export interface IngestResult {
  readonly outcome: IngestOutcome;
  readonly eventId: string;
}

/**
 * Webhook path, one event in a transaction of its own (see `createPaymentEventIngester` for
 * many at once). If applying fails, that transaction is gone and the event is stored on its
 * own, flagged for staff to re-process. Either way the event is durable when this returns, so
 * the caller may answer 2xx; if it throws, nothing was stored and the provider's retry is
 * welcome. Only the store itself (the webhook, acting as SYSTEM) or staff feed it: the
 * event was verified by the provider's adapter before it got here.
 */
export async function ingestPaymentEvent(
  deps: IngestContext,
  event: PaymentEvent,
  received: string = deps.clock.now().toISOString(),
): Promise<IngestResult> {
  requireStaffOrSystem(deps.actor);
  const attempt: { matchedOrderId: string | null } = { matchedOrderId: null };
  try {
    const outcome = await deps.db
      .transaction()
      .execute((trx) => ingestInTransaction(trx, deps, event, received, attempt));
    return { outcome, eventId: event.eventId };
  } catch (error) {
    return {
      outcome: await storeFailedEvent(deps, event, received, attempt, error),
      eventId: event.eventId,
    };
  }
}

/**
 * The order the event names is locked, the event stored exactly once per (provider, event
 * id) and the order re-derived from all its events — all inside `trx`. Throws if applying
 * fails; `attempt` then says which order had matched.
 */
export async function ingestInTransaction(
  trx: Kysely<Database>,
  deps: IngestContext,
  event: PaymentEvent,
  received: string,
  attempt: { matchedOrderId: string | null },
): Promise<IngestOutcome> {
  const unusable = unusableReason(event);
  if (unusable) {
    return (await insertEventIfNew(trx, eventRow(deps, event, received, unusable)))
      ? unusable.outcome
      : "duplicate";
  }
  const order = event.orderId ? await lockOrderRow(trx, deps.dialect, event.orderId) : undefined;
  attempt.matchedOrderId = order?.id ?? null;
  const stored = await insertEventIfNew(
    trx,
    order
      ? eventRow(deps, event, received, {
          order_id: order.id,
          outcome: "processed",
          processed_at: received,
          error: null,
        })
      : eventRow(deps, event, received, {
          order_id: null,
          outcome: "unmatched",
          processed_at: null,
          error: event.orderId ? `unknown order ${event.orderId}` : "event names no order",
        }),
  );
  if (!stored) return "duplicate";
  if (!order) return "unmatched";
  await applyLockedOrder(trx, deps, order);
  return "processed";
}

/**
 * Events that are stored but never applied: an unparseable one is flagged `failed` for staff
 * (re-processing parses its raw body again), one for another business is `unmatched`.
 */
function unusableReason(event: PaymentEvent) {
  const { fact } = event;
  if (fact.kind === "unparseable") {
    return {
      order_id: null,
      outcome: "failed" as const,
      processed_at: null,
      error: `unparseable: ${fact.reason}`,
    };
  }
  if (fact.kind === "ignored") {
    return {
      order_id: null,
      outcome: "unmatched" as const,
      processed_at: null,
      error: `ignored: ${fact.reason}`,
    };
  }
  return null;
}

/** After a failed attempt (nothing of it left): keep the event itself, flagged. */
async function storeFailedEvent(
  deps: IngestContext,
  event: PaymentEvent,
  received: string,
  attempt: { matchedOrderId: string | null },
  error: unknown,
): Promise<"failed" | "duplicate"> {
  const stored = await insertEventIfNew(
    deps.db,
    eventRow(deps, event, received, {
      order_id: attempt.matchedOrderId,
      outcome: "failed",
      processed_at: null,
      error: why(error),
    }),
  );
  return stored ? "failed" : "duplicate";
}

/** Applies a stored event's order and records the outcome (the staff "re-process" path). */
export async function processStoredEvent(
  deps: IngestContext,
  storedId: string,
  orderId: string,
): Promise<"processed" | "failed"> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const order = await lockOrderRow(trx, deps.dialect, orderId);
      if (!order) throw new Error(`unknown order ${orderId}`);
      // Linked first, so the derivation (which reads the order's events) includes this one.
      const at = deps.clock.now().toISOString();
      await setEventOutcome(trx, storedId, "processed", at, null, orderId);
      await applyLockedOrder(trx, deps, order);
    });
    return "processed";
  } catch (error) {
    await setEventOutcome(deps.db, storedId, "failed", null, why(error));
    return "failed";
  }
}

function eventRow(
  deps: IngestContext,
  event: PaymentEvent,
  received: string,
  fields: Pick<PaymentEventsTable, "order_id" | "outcome" | "processed_at" | "error">,
): Insertable<PaymentEventsTable> {
  return {
    id: newId(),
    provider: deps.payments.name,
    event_id: event.eventId,
    type: event.type,
    payload: JSON.stringify(event),
    occurred_at: event.occurredAt,
    received_at: received,
    ...fields,
  };
}

function why(error: unknown): string {
  return (error instanceof Error ? error.message : "unknown error").slice(0, 1000);
}
