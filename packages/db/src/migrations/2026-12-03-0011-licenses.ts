import { sql, type Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// Licence keys: another face of access. A key's standing is read through its purchase, so a
// refund or dispute changes the key in the same transaction that changes access.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("license_policies")
    .addColumn("product_id", "text", (c) => c.primaryKey().references("products.id"))
    .addColumn("enabled", "integer", (c) => c.notNull())
    // null: unlimited machines.
    .addColumn("activation_limit", "integer")
    // null: a key never expires; otherwise it lapses this many days after it was issued.
    .addColumn("validity_days", "integer")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "license_policies_limit",
      sql`activation_limit is null or activation_limit > 0`,
    )
    .addCheckConstraint("license_policies_days", sql`validity_days is null or validity_days > 0`)
    .execute();

  await db.schema
    .createTable("licenses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    // One key per purchase: duplicate webhooks can never issue a second one.
    .addColumn("purchase_id", "text", (c) =>
      c.notNull().unique().references("purchased_products.id"),
    )
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("activation_limit", "integer")
    .addColumn("expires_at", "text")
    .addColumn("disabled_at", "text")
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("licenses_product")
    .on("licenses")
    .columns(["product_id", "issued_at"])
    .execute();
  await db.schema.createIndex("licenses_user").on("licenses").columns(["user_id"]).execute();

  await db.schema
    .createTable("license_activations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("license_id", "text", (c) => c.notNull().references("licenses.id"))
    .addColumn("instance_name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("license_activations_license")
    .on("license_activations")
    .columns(["license_id", "created_at"])
    .execute();

  // The store's Ed25519 key pair for offline tokens: one row, made on first use.
  await db.schema
    .createTable("license_signing_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("private_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("license_signing_keys").execute();
  await db.schema.dropTable("license_activations").execute();
  await db.schema.dropTable("licenses").execute();
  await db.schema.dropTable("license_policies").execute();
}
