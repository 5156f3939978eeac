import type { Database, ProductsTable } from "@digistore/db";
import type { Insertable, Kysely, Updateable } from "kysely";

export function findProductRow(db: Kysely<Database>, id: string) {
  return db.selectFrom("products").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findProductRowBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom("products").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function slugTaken(
  db: Kysely<Database>,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db.selectFrom("products").select("id").where("slug", "=", slug);
  if (exceptId) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertProductRow(
  db: Kysely<Database>,
  row: Insertable<ProductsTable>,
): Promise<void> {
  await db.insertInto("products").values(row).execute();
}

export async function updateProductRow(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<ProductsTable>,
): Promise<void> {
  await db.updateTable("products").set(changes).where("id", "=", id).execute();
}

export function listSellerProductRows(db: Kysely<Database>, sellerId: string) {
  return db
    .selectFrom("products")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function incrementSales(
  db: Kysely<Database>,
  productId: string,
  by: number,
): Promise<void> {
  await db
    .updateTable("products")
    .set((eb) => ({ sales_count: eb("sales_count", "+", by) }))
    .where("id", "=", productId)
    .execute();
}
