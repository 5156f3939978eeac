import { sql, type Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Stored normalised (trimmed, lower-case), so the unique constraint is case-insensitive.
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("email_verified_at", "text")
    .addColumn("is_customer", "integer", (c) => c.notNull())
    .addColumn("is_seller", "integer", (c) => c.notNull())
    .addColumn("is_staff", "integer", (c) => c.notNull())
    .addColumn("seller_terms_accepted_at", "text")
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("users_is_customer_bool", sql`is_customer in (0, 1)`)
    .addCheckConstraint("users_is_seller_bool", sql`is_seller in (0, 1)`)
    .addCheckConstraint("users_is_staff_bool", sql`is_staff in (0, 1)`)
    // Staff run the site and cannot buy; a seller is always also a customer.
    .addCheckConstraint("users_staff_not_customer", sql`not (is_staff = 1 and is_customer = 1)`)
    .addCheckConstraint("users_seller_is_customer", sql`is_seller = 0 or is_customer = 1`)
    .execute();

  await db.schema
    .createTable("sessions")
    // SHA-256 of the token: a leaked table cannot be replayed as cookies.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("user_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addCheckConstraint("user_tokens_purpose", sql`purpose in ('verify_email', 'reset_password')`)
    .execute();
  await db.schema
    .createIndex("user_tokens_user_purpose")
    .on("user_tokens")
    .columns(["user_id", "purpose"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("user_tokens").execute();
  await db.schema.dropTable("sessions").execute();
  await db.schema.dropTable("users").execute();
}
