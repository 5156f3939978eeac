import type { Database, Dialect, SupportRequestsTable, SupportStatus } from "@digistore/db";
import type { Insertable, Kysely, Updateable } from "kysely";
import { ACTIVE_STATUSES } from "./support-request";

export async function insertRequestRow(
  db: Kysely<Database>,
  row: Insertable<SupportRequestsTable>,
): Promise<void> {
  await db.insertInto("support_requests").values(row).execute();
}

/**
 * Reads a request inside a transaction and, on PostgreSQL, locks it, so a reply, a resolve and
 * a webhook for the same request apply one after another (SQLite already serialises writers).
 */
export function lockRequestRow(db: Kysely<Database>, dialect: Dialect, id: string) {
  const query = db.selectFrom("support_requests").selectAll().where("id", "=", id);
  return (dialect === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

export function lockRequestRowByOrder(db: Kysely<Database>, dialect: Dialect, orderId: string) {
  const query = db.selectFrom("support_requests").selectAll().where("order_id", "=", orderId);
  return (dialect === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

/**
 * A status change that only happens if the request is still in `from`: a guard against a
 * concurrent change, whatever the engine. Returns whether the row changed.
 */
export async function updateRequestIfStatus(
  db: Kysely<Database>,
  id: string,
  from: SupportStatus,
  changes: Updateable<SupportRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("support_requests")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateRequestRow(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<SupportRequestsTable>,
): Promise<void> {
  await db.updateTable("support_requests").set(changes).where("id", "=", id).execute();
}

/** The purchase's active request (other than `exceptId`), if any. */
export async function findActiveRequestId(
  db: Kysely<Database>,
  purchaseId: string,
  exceptId?: string,
): Promise<string | null> {
  let query = db
    .selectFrom("support_requests")
    .select("id")
    .where("purchase_id", "=", purchaseId)
    .where("status", "in", ACTIVE_STATUSES);
  if (exceptId) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst())?.id ?? null;
}

/** The grant a support request hangs on (orders owns the table; support only reads it). */
export function findPurchaseRow(db: Kysely<Database>, userId: string, productId: string) {
  return db
    .selectFrom("purchased_products")
    .selectAll()
    .where("user_id", "=", userId)
    .where("product_id", "=", productId)
    .executeTakeFirst();
}

/** A request with what lists and threads show next to it, and who wrote its last message. */
function requestViews(db: Kysely<Database>) {
  return db
    .selectFrom("support_requests as r")
    .innerJoin("products as p", "p.id", "r.product_id")
    .innerJoin("users as c", "c.id", "r.user_id")
    .innerJoin("users as s", "s.id", "r.seller_id")
    .selectAll("r")
    .select((eb) => [
      "p.title as product_title",
      "p.slug as product_slug",
      "c.display_name as customer_name",
      "s.display_name as seller_name",
      eb
        .selectFrom("support_messages as m")
        .select("m.author_role")
        .whereRef("m.request_id", "=", "r.id")
        .orderBy("m.created_at", "desc")
        .orderBy("m.id", "desc")
        .limit(1)
        .as("last_author_role"),
    ]);
}

export type RequestViewRow = NonNullable<Awaited<ReturnType<typeof findRequestViewRow>>>;

export function findRequestViewRow(db: Kysely<Database>, id: string) {
  return requestViews(db).where("r.id", "=", id).executeTakeFirst();
}

export function listCustomerRequestViewRows(db: Kysely<Database>, userId: string, limit: number) {
  return requestViews(db)
    .where("r.user_id", "=", userId)
    .orderBy("r.last_message_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit)
    .execute();
}

/** The seller's inbox: only requests that were paid (an unpaid one is not theirs to answer). */
export function listSellerRequestViewRows(
  db: Kysely<Database>,
  sellerId: string,
  filter: {
    status?: SupportStatus | undefined;
    productId?: string | undefined;
    customerId?: string | undefined;
  },
  limit: number,
) {
  let query = requestViews(db)
    .where("r.seller_id", "=", sellerId)
    .where("r.paid_at", "is not", null);
  if (filter.status) query = query.where("r.status", "=", filter.status);
  if (filter.productId) query = query.where("r.product_id", "=", filter.productId);
  if (filter.customerId) query = query.where("r.user_id", "=", filter.customerId);
  return query.orderBy("r.last_message_at", "desc").orderBy("r.id", "desc").limit(limit).execute();
}

/** Auto-close: every request still resolved since `cutoff` or earlier moves to `to`. */
export async function closeResolvedBefore(
  db: Kysely<Database>,
  cutoff: string,
  to: SupportStatus,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable("support_requests")
    .set({ status: to, closed_at: at, updated_at: at })
    .where("status", "=", "resolved")
    .where("resolved_at", "<=", cutoff)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
