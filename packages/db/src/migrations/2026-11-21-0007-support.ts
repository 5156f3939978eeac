import { sql, type Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("support_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    // No PurchasedProduct, no SupportRequest: the database enforces it too.
    .addColumn("purchase_id", "text", (c) => c.notNull().references("purchased_products.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("seller_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("order_id", "text", (c) => c.notNull().unique().references("orders.id"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("paid_at", "text")
    .addColumn("resolved_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("last_message_at", "text", (c) => c.notNull())
    .addColumn("customer_read_at", "text")
    .addColumn("seller_read_at", "text")
    .addCheckConstraint(
      "support_requests_status",
      sql`status in ('awaiting_payment', 'open', 'answered', 'resolved', 'closed', 'cancelled', 'expired')`,
    )
    .execute();
  // One active request per purchase, whatever the race: a partial unique index (both engines).
  await sql`create unique index support_requests_one_active on support_requests (purchase_id) where status in ('awaiting_payment', 'open', 'answered')`.execute(
    db,
  );
  await db.schema.createIndex("support_requests_user").on("support_requests").columns(["user_id", "created_at"]).execute();
  await db.schema
    .createIndex("support_requests_seller")
    .on("support_requests")
    .columns(["seller_id", "status", "last_message_at"])
    .execute();

  await db.schema
    .createTable("support_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "text", (c) => c.notNull().references("support_requests.id"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("author_role", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("support_messages_role", sql`author_role in ('customer', 'seller', 'staff')`)
    .execute();
  await db.schema.createIndex("support_messages_request").on("support_messages").columns(["request_id", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("support_messages").execute();
  await db.schema.dropTable("support_requests").execute();
}
