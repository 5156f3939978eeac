import type { Database, Dialect, OrdersTable } from "@digistore/db";
import type { Insertable, Kysely, Updateable } from "kysely";

export async function insertOrderRow(
  db: Kysely<Database>,
  row: Insertable<OrdersTable>,
): Promise<void> {
  await db.insertInto("orders").values(row).execute();
}

export function findOrderRow(db: Kysely<Database>, id: string) {
  return db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Reads an order inside a transaction and, on PostgreSQL, locks it: concurrent events for
 * one order then apply one after another (SQLite already serialises writers). The buyer's
 * address and the product's title come along in the same round trip, for the emails a
 * transition may send.
 */
export function lockOrderRow(db: Kysely<Database>, dialect: Dialect, id: string) {
  const query = db
    .selectFrom("orders")
    .innerJoin("users", "users.id", "orders.user_id")
    .innerJoin("products", "products.id", "orders.product_id")
    .selectAll("orders")
    .select([
      "users.email as buyer_email",
      "users.display_name as buyer_name",
      "products.title as product_title",
    ])
    .where("orders.id", "=", id);
  return (dialect === "postgres" ? query.forUpdate("orders") : query).executeTakeFirst();
}

export type LockedOrderRow = NonNullable<Awaited<ReturnType<typeof lockOrderRow>>>;

/** The user's other orders for the same product (support orders never grant access). */
export function listSiblingProductOrders(
  db: Kysely<Database>,
  order: { id: string; user_id: string; product_id: string },
) {
  return db
    .selectFrom("orders")
    .select(["id", "amount", "currency", "status"])
    .where("user_id", "=", order.user_id)
    .where("product_id", "=", order.product_id)
    .where("kind", "=", "product")
    .where("id", "!=", order.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function updateOrderRow(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<OrdersTable>,
): Promise<void> {
  await db.updateTable("orders").set(changes).where("id", "=", id).execute();
}

export function listUserOrderRows(db: Kysely<Database>, userId: string, limit: number) {
  return db
    .selectFrom("orders")
    .innerJoin("products", "products.id", "orders.product_id")
    .selectAll("orders")
    .select(["products.title as product_title", "products.slug as product_slug"])
    .where("orders.user_id", "=", userId)
    .orderBy("orders.created_at", "desc")
    .orderBy("orders.id", "desc")
    .limit(limit)
    .execute();
}

export function listExpiredPendingOrderIds(db: Kysely<Database>, now: string, limit: number) {
  return db
    .selectFrom("orders")
    .select("id")
    .where("status", "=", "pending")
    .where("expires_at", "<=", now)
    .limit(limit)
    .execute();
}

export function listStalePendingOrders(db: Kysely<Database>, olderThan: string, limit: number) {
  return db
    .selectFrom("orders")
    .selectAll()
    .where("status", "=", "pending")
    .where("created_at", "<=", olderThan)
    .where("provider_checkout_id", "is not", null)
    .orderBy("created_at")
    .limit(limit)
    .execute();
}
