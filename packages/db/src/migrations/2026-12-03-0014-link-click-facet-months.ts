import { sql, type Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// Facet counts per UTC month beside the per-day ones: a year of a busy link's top lists reads
// a dozen months instead of 365 days of rows. Filled from the daily rows already stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("link_click_facet_months")
    .addColumn("link_id", "text", (c) => c.notNull().references("short_links.id"))
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("facet", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("clicks", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("link_click_facet_months_pk", ["link_id", "month", "facet", "value"])
    .addCheckConstraint(
      "link_click_facet_months_facet",
      sql`facet in ('referrer', 'device', 'browser', 'os', 'country')`,
    )
    .execute();
  await sql`
    insert into link_click_facet_months (link_id, month, facet, value, clicks)
    select link_id, substr(day, 1, 7), facet, value, sum(clicks)
    from link_click_facets
    group by link_id, substr(day, 1, 7), facet, value
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("link_click_facet_months").execute();
}
