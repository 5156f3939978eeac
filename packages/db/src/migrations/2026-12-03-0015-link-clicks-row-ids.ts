import { sql, type CreateTableBuilder, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
// A click's id was a UUID made in JavaScript: a 36-character key, its own unique index and a
// random value per click, for rows nothing ever refers to. The engine's own row number is free
// (SQLite's rowid, a PostgreSQL identity), so a click costs one index less to store. Nor does
// the new table check each click's link: links are only ever soft-deleted, clicks are written
// only for a link just read from `short_links`, and on PostgreSQL that per-row check was about
// half of what storing a click cost. Nor is there an index by link and time any more: nothing
// reads clicks back (analytics read the rollups), and each index is another write per click; a
// future reader of raw clicks adds the index it needs.
const COLUMNS = sql.raw(
  "link_id, clicked_at, referrer_host, device, browser, os, is_bot, country, visitor_hash",
);

/** What a click records, the same in either shape of the table. */
function withClickFacts<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn("clicked_at", "text", (c) => c.notNull())
    .addColumn("referrer_host", "text")
    .addColumn("device", "text", (c) => c.notNull())
    .addColumn("browser", "text")
    .addColumn("os", "text")
    .addColumn("is_bot", "integer", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("visitor_hash", "text", (c) => c.notNull());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await withClickFacts(
    db.schema
      .createTable("link_clicks_by_row")
      // SQLite makes only a column typed exactly `integer` the rowid; PostgreSQL's may pass 2^31.
      .addColumn("id", isPostgres(db) ? "bigint" : "integer", (c) =>
        isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
      )
      .addColumn("link_id", "text", (c) => c.notNull()),
  ).execute();
  await sql`insert into link_clicks_by_row (${COLUMNS})
    select ${COLUMNS} from link_clicks order by clicked_at, id`.execute(db);
  await db.schema.dropTable("link_clicks").execute();
  await db.schema.alterTable("link_clicks_by_row").renameTo("link_clicks").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await withClickFacts(
    db.schema
      .createTable("link_clicks_by_uuid")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("link_id", "text", (c) => c.notNull().references("short_links.id")),
  ).execute();
  // Old clicks get a placeholder key of their row number: nothing refers to a click's id.
  await sql`insert into link_clicks_by_uuid (id, ${COLUMNS})
    select cast(id as text), ${COLUMNS} from link_clicks`.execute(db);
  await db.schema.dropTable("link_clicks").execute();
  await db.schema.alterTable("link_clicks_by_uuid").renameTo("link_clicks").execute();
  await db.schema
    .createIndex("link_clicks_link_time")
    .on("link_clicks")
    .columns(["link_id", "clicked_at"])
    .execute();
}
