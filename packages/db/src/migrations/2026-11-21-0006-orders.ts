import { sql, type Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Orders are kept forever, whatever happens to the payment: history and audit.
  await db.schema
    .createTable("orders")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("refunded_amount", "integer", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("provider_checkout_id", "text")
    .addColumn("provider_payment_id", "text")
    .addColumn("billing_country", "text", (c) => c.notNull())
    .addColumn("billing_address", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("paid_at", "text")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addCheckConstraint("orders_kind", sql`kind in ('product', 'support')`)
    .addCheckConstraint(
      "orders_status",
      sql`status in ('pending', 'paid', 'failed', 'cancelled', 'expired', 'refunded', 'partially_refunded', 'disputed')`,
    )
    .addCheckConstraint("orders_amount_positive", sql`amount > 0`)
    .addCheckConstraint("orders_refund_bounded", sql`refunded_amount >= 0 and refunded_amount <= amount`)
    .execute();
  await db.schema.createIndex("orders_user").on("orders").columns(["user_id", "created_at"]).execute();
  await db.schema.createIndex("orders_product").on("orders").columns(["product_id", "created_at"]).execute();
  await db.schema.createIndex("orders_status").on("orders").columns(["status", "created_at"]).execute();
  await db.schema.createIndex("orders_checkout").on("orders").column("provider_checkout_id").execute();
  await db.schema.createIndex("orders_payment").on("orders").column("provider_payment_id").execute();

  // Access. One row per (user, product) ever — the database itself refuses a second grant.
  await db.schema
    .createTable("purchased_products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoke_reason", "text")
    .addColumn("suspended_at", "text")
    .addUniqueConstraint("purchased_products_user_product", ["user_id", "product_id"])
    .execute();
  await db.schema.createIndex("purchased_products_product").on("purchased_products").column("product_id").execute();

  // Every provider event, stored before it is acknowledged; (provider, event_id) makes it once.
  await db.schema
    .createTable("payment_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("order_id", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("processed_at", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addUniqueConstraint("payment_events_provider_event", ["provider", "event_id"])
    .addCheckConstraint("payment_events_outcome", sql`outcome in ('received', 'processed', 'unmatched', 'failed')`)
    .execute();
  await db.schema.createIndex("payment_events_order").on("payment_events").columns(["order_id", "occurred_at"]).execute();
  await db.schema.createIndex("payment_events_received").on("payment_events").column("received_at").execute();

  await db.schema
    .createTable("downloads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("version_id", "text", (c) => c.notNull().references("product_versions.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("range_start", "bigint")
    .execute();
  await db.schema.createIndex("downloads_product").on("downloads").columns(["product_id", "created_at"]).execute();

  // The provider's id for each (product, what is sold) — owned by the provider adapter.
  await db.schema
    .createTable("provider_products")
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("provider_product_id", "text", (c) => c.notNull())
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("synced_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("provider_products_pk", ["provider", "product_id", "kind"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("provider_products").execute();
  await db.schema.dropTable("downloads").execute();
  await db.schema.dropTable("payment_events").execute();
  await db.schema.dropTable("purchased_products").execute();
  await db.schema.dropTable("orders").execute();
}
