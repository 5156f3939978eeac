import type { Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// Pay what you want: the price column becomes the minimum (still above zero, ADR 0002), with
// an optional suggestion; the provider's product records which kind it was synced as, so a
// product that switches is re-synced instead of charging the old fixed price.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("products")
    .addColumn("pay_what_you_want", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("products").addColumn("suggested_price_amount", "bigint").execute();
  await db.schema
    .alterTable("provider_products")
    .addColumn("pay_what_you_want", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("provider_products").dropColumn("pay_what_you_want").execute();
  await db.schema.alterTable("products").dropColumn("suggested_price_amount").execute();
  await db.schema.alterTable("products").dropColumn("pay_what_you_want").execute();
}
