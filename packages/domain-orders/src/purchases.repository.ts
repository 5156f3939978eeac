import type { Database, Dialect, PurchasedProductsTable } from "@digistore/db";
import type { Insertable, Kysely, Updateable } from "kysely";

export function findPurchaseRow(db: Kysely<Database>, userId: string, productId: string) {
  return db
    .selectFrom("purchased_products")
    .selectAll()
    .where("user_id", "=", userId)
    .where("product_id", "=", productId)
    .executeTakeFirst();
}

/**
 * The grant, locked on PostgreSQL for the rest of the transaction (SQLite serialises writers):
 * whoever changes access for a (user, product) holds it while reading the user's orders.
 */
export function lockPurchaseRow(
  db: Kysely<Database>,
  dialect: Dialect,
  userId: string,
  productId: string,
) {
  const query = db
    .selectFrom("purchased_products")
    .selectAll()
    .where("user_id", "=", userId)
    .where("product_id", "=", productId);
  return (dialect === "postgres" ? query.forUpdate() : query).executeTakeFirst();
}

/**
 * The grant: a no-op when the (user, product) row exists — the unique constraint decides.
 * True when this call created it.
 */
export async function insertPurchaseIfAbsent(
  db: Kysely<Database>,
  row: Insertable<PurchasedProductsTable>,
): Promise<boolean> {
  const result = await db
    .insertInto("purchased_products")
    .values(row)
    .onConflict((oc) => oc.columns(["user_id", "product_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function updatePurchaseRow(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<PurchasedProductsTable>,
): Promise<void> {
  await db.updateTable("purchased_products").set(changes).where("id", "=", id).execute();
}

export function listUserPurchaseRows(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("purchased_products")
    .innerJoin("products", "products.id", "purchased_products.product_id")
    .innerJoin("users as sellers", "sellers.id", "products.seller_id")
    .selectAll("purchased_products")
    .select([
      "products.title",
      "products.slug",
      "products.cover_key",
      "products.current_version_id",
      "products.content_updated_at",
      "products.support_price_amount",
      "products.currency",
      "sellers.display_name as seller_name",
    ])
    .where("purchased_products.user_id", "=", userId)
    .orderBy("purchased_products.created_at", "desc")
    .execute();
}
