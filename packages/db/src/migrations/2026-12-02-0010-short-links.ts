import { sql, type Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// Short links, their clicks and the rollups that analytics read instead of the clicks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("short_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner_id", "text", (c) => c.notNull().references("users.id"))
    // Stored lowercased: a slug is unique whatever the case it is typed or visited in.
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("target_url", "text", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.references("products.id"))
    .addColumn("utm_source", "text")
    .addColumn("utm_medium", "text")
    .addColumn("utm_campaign", "text")
    .addColumn("utm_term", "text")
    .addColumn("utm_content", "text")
    .addColumn("expires_at", "text")
    .addColumn("disabled_at", "text")
    .addColumn("disabled_by", "text")
    .addColumn("disabled_reason", "text")
    // Deleted links keep their slug forever: a printed QR code never starts pointing elsewhere.
    .addColumn("deleted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("short_links_disabled_by", sql`disabled_by in ('owner', 'staff')`)
    .execute();
  await db.schema
    .createIndex("short_links_owner")
    .on("short_links")
    .columns(["owner_id", "created_at"])
    .execute();

  await db.schema
    .createTable("link_clicks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("link_id", "text", (c) => c.notNull().references("short_links.id"))
    .addColumn("clicked_at", "text", (c) => c.notNull())
    .addColumn("referrer_host", "text")
    .addColumn("device", "text", (c) => c.notNull())
    .addColumn("browser", "text")
    .addColumn("os", "text")
    .addColumn("is_bot", "integer", (c) => c.notNull())
    .addColumn("country", "text")
    // sha256(daily salt ‖ address ‖ user agent): the salt is deleted after its day.
    .addColumn("visitor_hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("link_clicks_link_time")
    .on("link_clicks")
    .columns(["link_id", "clicked_at"])
    .execute();

  // Hour buckets (UTC, ISO "YYYY-MM-DDTHH:00:00.000Z") so a chart in any whole-hour zone is a
  // sum of rows, never a scan of clicks. Unique visitors count first sightings that UTC day.
  await db.schema
    .createTable("link_click_hours")
    .addColumn("link_id", "text", (c) => c.notNull().references("short_links.id"))
    .addColumn("hour", "text", (c) => c.notNull())
    .addColumn("clicks", "integer", (c) => c.notNull())
    .addColumn("unique_visitors", "integer", (c) => c.notNull())
    .addColumn("bot_clicks", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("link_click_hours_pk", ["link_id", "hour"])
    .execute();

  // Per day and dimension (referrer, device, browser, os, country): the "top" tables.
  await db.schema
    .createTable("link_click_facets")
    .addColumn("link_id", "text", (c) => c.notNull().references("short_links.id"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("facet", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("clicks", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("link_click_facets_pk", ["link_id", "day", "facet", "value"])
    .addCheckConstraint(
      "link_click_facets_facet",
      sql`facet in ('referrer', 'device', 'browser', 'os', 'country')`,
    )
    .execute();

  // Who was already seen on a link that day (hashes of that day's salt; pruned after it).
  await db.schema
    .createTable("link_visitor_days")
    .addColumn("link_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("visitor_hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("link_visitor_days_pk", ["link_id", "day", "visitor_hash"])
    .execute();

  await db.schema
    .createTable("visitor_salts")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("salt", "text", (c) => c.notNull())
    .execute();

  // Attribution lives beside the order, not in it: orders (and access) never know about links.
  await db.schema
    .createTable("order_attributions")
    .addColumn("order_id", "text", (c) => c.primaryKey().references("orders.id"))
    .addColumn("link_id", "text", (c) => c.notNull().references("short_links.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("order_attributions_link")
    .on("order_attributions")
    .columns(["link_id", "order_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("order_attributions").execute();
  await db.schema.dropTable("visitor_salts").execute();
  await db.schema.dropTable("link_visitor_days").execute();
  await db.schema.dropTable("link_click_facets").execute();
  await db.schema.dropTable("link_click_hours").execute();
  await db.schema.dropTable("link_clicks").execute();
  await db.schema.dropTable("short_links").execute();
}
