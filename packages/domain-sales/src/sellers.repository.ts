import type { Database, Dialect, SaleEmails } from "@digistore/db";
import { PAID_ORDER_STATUSES } from "@digistore/domain-orders";
import type { Kysely } from "kysely";

/**
 * The product's seller and the zone their days are counted in. On PostgreSQL the seller's row
 * is share-locked, so a change of zone (which rewrites the day rollups under an update lock)
 * waits for this transaction and is never half-applied under it.
 */
export async function lockSellerOf(trx: Kysely<Database>, dialect: Dialect, productId: string) {
  const query = trx
    .selectFrom("products")
    .innerJoin("users", "users.id", "products.seller_id")
    .select([
      "products.seller_id as sellerId",
      "products.title",
      "users.timezone",
      "users.email",
      "users.display_name",
      "users.sale_emails",
    ])
    .where("products.id", "=", productId);
  return (dialect === "postgres" ? query.forShare("users") : query).executeTakeFirst();
}

/** The buyer's earliest paid product order with the seller other than `exceptOrderId`. */
export async function firstOtherSale(
  trx: Kysely<Database>,
  buyerId: string,
  sellerId: string,
  exceptOrderId: string,
) {
  return trx
    .selectFrom("orders")
    .innerJoin("products", "products.id", "orders.product_id")
    .select(["orders.id", "orders.created_at", "orders.product_id", "orders.currency"])
    .where("orders.user_id", "=", buyerId)
    .where("products.seller_id", "=", sellerId)
    .where("orders.kind", "=", "product")
    .where("orders.status", "in", PAID_ORDER_STATUSES)
    .where("orders.id", "<>", exceptOrderId)
    .orderBy("orders.created_at")
    .orderBy("orders.id")
    .limit(1)
    .executeTakeFirst();
}

/** PostgreSQL: one buyer's first-sale decisions are taken one at a time (the buyer's row). */
export async function lockBuyer(trx: Kysely<Database>, buyerId: string): Promise<void> {
  await trx.selectFrom("users").select("id").where("id", "=", buyerId).forUpdate().execute();
}

export async function buyerName(db: Kysely<Database>, buyerId: string): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("display_name")
    .where("id", "=", buyerId)
    .executeTakeFirst();
  return row?.display_name ?? null;
}

export async function setUserTimezone(db: Kysely<Database>, userId: string, timezone: string) {
  await db.updateTable("users").set({ timezone }).where("id", "=", userId).execute();
}

export async function setUserSaleEmails(db: Kysely<Database>, userId: string, mode: SaleEmails) {
  await db.updateTable("users").set({ sale_emails: mode }).where("id", "=", userId).execute();
}

/** Sellers on daily sale emails, with the last day a digest covered. */
export function dailyDigestSellers(db: Kysely<Database>) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "timezone", "sale_digest_through"])
    .where("sale_emails", "=", "daily")
    .where("is_seller", "=", 1)
    .execute();
}

/** Marks `day` covered for the seller unless it already was: true for the one caller that did. */
export async function claimDigestDay(
  db: Kysely<Database>,
  sellerId: string,
  day: string,
): Promise<boolean> {
  const claimed = await db
    .updateTable("users")
    .set({ sale_digest_through: day })
    .where("id", "=", sellerId)
    .where((eb) =>
      eb.or([eb("sale_digest_through", "is", null), eb("sale_digest_through", "<", day)]),
    )
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) > 0;
}
