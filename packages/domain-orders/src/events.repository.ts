import type { Database, PaymentEventOutcome, PaymentEventsTable } from "@digistore/db";
import type { Insertable, Kysely } from "kysely";
import type { PaymentEvent } from "./provider";

/** Stores an event once per (provider, event id); false when it was already there. */
export async function insertEventIfNew(
  db: Kysely<Database>,
  row: Insertable<PaymentEventsTable>,
): Promise<boolean> {
  const result = await db
    .insertInto("payment_events")
    .values(row)
    .onConflict((oc) => oc.columns(["provider", "event_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function listOrderEventRows(db: Kysely<Database>, orderId: string) {
  return db
    .selectFrom("payment_events")
    .selectAll()
    .where("order_id", "=", orderId)
    .orderBy("occurred_at")
    .orderBy("received_at")
    .execute();
}

export function findEventRow(db: Kysely<Database>, id: string) {
  return db.selectFrom("payment_events").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function setEventOutcome(
  db: Kysely<Database>,
  id: string,
  outcome: PaymentEventOutcome,
  processedAt: string | null,
  error: string | null,
  orderId?: string,
): Promise<void> {
  await db
    .updateTable("payment_events")
    .set({ outcome, processed_at: processedAt, error, ...(orderId ? { order_id: orderId } : {}) })
    .where("id", "=", id)
    .execute();
}

export function listEventRows(
  db: Kysely<Database>,
  options: { limit: number; before?: string; outcome?: PaymentEventOutcome },
) {
  let query = db.selectFrom("payment_events").selectAll();
  if (options.before) query = query.where("received_at", "<", options.before);
  if (options.outcome) query = query.where("outcome", "=", options.outcome);
  return query.orderBy("received_at", "desc").limit(options.limit).execute();
}

export function findEventRowByProviderId(db: Kysely<Database>, provider: string, eventId: string) {
  return db
    .selectFrom("payment_events")
    .select("id")
    .where("provider", "=", provider)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
}

/** An event re-read from its raw body: what it says now replaces what could not be read. */
export async function replaceEventPayload(
  db: Kysely<Database>,
  id: string,
  event: PaymentEvent,
): Promise<void> {
  await db
    .updateTable("payment_events")
    .set({ payload: JSON.stringify(event), type: event.type, occurred_at: event.occurredAt })
    .where("id", "=", id)
    .execute();
}
