import type { Kysely } from "kysely";

// Frozen: a migration that has shipped is never edited; fix forward with a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Fixed-window counters in the database, so limits hold across several server processes.
  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_started_at", "text", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rate_limits").execute();
}
