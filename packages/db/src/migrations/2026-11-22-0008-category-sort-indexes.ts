import type { Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// A category page sorted by price or popularity walked products_category_newest and sorted
// what it found; at 100,000 products that cost up to a third of its speed at 1,000. Each
// storefront sort within a category now has its own keyset index, as the unfiltered sorts do.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("products_category_price")
    .on("products")
    .columns(["category_id", "status", "price_amount", "id"])
    .execute();
  await db.schema
    .createIndex("products_category_popular")
    .on("products")
    .columns(["category_id", "status", "sales_count", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("products_category_popular").execute();
  await db.schema.dropIndex("products_category_price").execute();
}
