import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("categories")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("hidden", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("categories_hidden_bool", sql`hidden in (0, 1)`)
    .execute();

  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("price_amount", "integer", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("support_price_amount", "integer")
    .addColumn("category_id", "text", (c) => c.references("categories.id").onDelete("set null"))
    .addColumn("cover_key", "text")
    .addColumn("featured", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("current_version_id", "text")
    .addColumn("sales_count", "integer", (c) => c.notNull())
    .addColumn("content_updated_at", "text")
    .addColumn("published_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("products_status", sql`status in ('draft', 'published', 'archived')`)
    .addCheckConstraint("products_featured_bool", sql`featured in (0, 1)`)
    .addCheckConstraint("products_price_nonneg", sql`price_amount >= 0`)
    .addCheckConstraint(
      "products_support_price_pos",
      sql`support_price_amount is null or support_price_amount > 0`,
    )
    .addCheckConstraint(
      "products_published_has_date",
      sql`status = 'draft' or published_at is not null`,
    )
    .execute();
  // Keyset pagination: each storefront sort walks one index from the cursor.
  await db.schema
    .createIndex("products_newest")
    .on("products")
    .columns(["status", "published_at", "id"])
    .execute();
  await db.schema
    .createIndex("products_price")
    .on("products")
    .columns(["status", "price_amount", "id"])
    .execute();
  await db.schema
    .createIndex("products_popular")
    .on("products")
    .columns(["status", "sales_count", "id"])
    .execute();
  await db.schema
    .createIndex("products_category_newest")
    .on("products")
    .columns(["category_id", "status", "published_at", "id"])
    .execute();
  await db.schema
    .createIndex("products_seller")
    .on("products")
    .columns(["seller_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("products_featured")
    .on("products")
    .columns(["featured", "status", "published_at"])
    .execute();

  await db.schema
    .createTable("product_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("product_id", "text", (c) =>
      c.notNull().references("products.id").onDelete("cascade"),
    )
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("changelog", "text", (c) => c.notNull())
    .addColumn("file_key", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_size", "bigint", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("product_versions_label_unique", ["product_id", "label"])
    .execute();
  await db.schema
    .createIndex("product_versions_product")
    .on("product_versions")
    .columns(["product_id", "created_at"])
    .execute();

  if (isPostgres(db)) {
    await sql`alter table products add column search tsvector generated always as (
      setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('simple', coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('simple', coalesce(description, '')), 'C')) stored`.execute(db);
    await sql`create index products_search on products using gin (search)`.execute(db);
  } else {
    // External-content FTS5 index kept in step with products by triggers.
    await sql`create virtual table products_fts using fts5(title, summary, description, content='products', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`create trigger products_fts_insert after insert on products begin
      insert into products_fts(rowid, title, summary, description) values (new.rowid, new.title, new.summary, new.description);
    end`.execute(db);
    await sql`create trigger products_fts_delete after delete on products begin
      insert into products_fts(products_fts, rowid, title, summary, description) values ('delete', old.rowid, old.title, old.summary, old.description);
    end`.execute(db);
    await sql`create trigger products_fts_update after update of title, summary, description on products begin
      insert into products_fts(products_fts, rowid, title, summary, description) values ('delete', old.rowid, old.title, old.summary, old.description);
      insert into products_fts(rowid, title, summary, description) values (new.rowid, new.title, new.summary, new.description);
    end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`drop trigger if exists products_fts_update`.execute(db);
    await sql`drop trigger if exists products_fts_delete`.execute(db);
    await sql`drop trigger if exists products_fts_insert`.execute(db);
    await sql`drop table if exists products_fts`.execute(db);
  }
  await db.schema.dropTable("product_versions").execute();
  await db.schema.dropTable("products").execute();
  await db.schema.dropTable("categories").execute();
}
