import { sql, type Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// Discount codes: a seller's code lowers an order's amount before payment. A use is one
// order holding the code; whether it still counts is read through that order's status, so an
// expired or failed checkout releases its hold without any job.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("discount_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("users.id"))
    // As the seller typed it; `code_key` is its upper-case form, unique per seller.
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("code_key", "text", (c) => c.notNull())
    .addColumn("percent_off", "integer")
    .addColumn("all_products", "integer", (c) => c.notNull())
    .addColumn("starts_at", "text")
    .addColumn("ends_at", "text")
    .addColumn("max_redemptions", "integer")
    .addColumn("per_customer_limit", "integer")
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("discount_codes_seller_code", ["seller_id", "code_key"])
    // Never to zero (ADR 0002): a percentage is below 100.
    .addCheckConstraint(
      "discount_codes_percent",
      sql`percent_off is null or (percent_off > 0 and percent_off < 100)`,
    )
    .addCheckConstraint(
      "discount_codes_limits",
      sql`(max_redemptions is null or max_redemptions > 0) and (per_customer_limit is null or per_customer_limit > 0)`,
    )
    .execute();

  // A fixed-amount code names its amount per currency; a product in another currency is not
  // covered by it.
  await db.schema
    .createTable("discount_code_amounts")
    .addColumn("discount_id", "text", (c) => c.notNull().references("discount_codes.id"))
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount_off", "bigint", (c) => c.notNull().check(sql`amount_off > 0`))
    .addPrimaryKeyConstraint("discount_code_amounts_pk", ["discount_id", "currency"])
    .execute();

  await db.schema
    .createTable("discount_code_products")
    .addColumn("discount_id", "text", (c) => c.notNull().references("discount_codes.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addPrimaryKeyConstraint("discount_code_products_pk", ["discount_id", "product_id"])
    .execute();

  await db.schema
    .createTable("discount_redemptions")
    .addColumn("order_id", "text", (c) => c.primaryKey().references("orders.id"))
    .addColumn("discount_id", "text", (c) => c.notNull().references("discount_codes.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    // The price before the code (a pay-what-you-want product: its minimum).
    .addColumn("list_amount", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("discount_redemptions_discount")
    .on("discount_redemptions")
    .columns(["discount_id", "user_id"])
    .execute();

  // The order keeps the code it was placed with, as it keeps its amount: a snapshot.
  await db.schema.alterTable("orders").addColumn("discount_code", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("orders").dropColumn("discount_code").execute();
  await db.schema.dropTable("discount_redemptions").execute();
  await db.schema.dropTable("discount_code_products").execute();
  await db.schema.dropTable("discount_code_amounts").execute();
  await db.schema.dropTable("discount_codes").execute();
}
