import { PostgresAdapter, type Kysely } from "kysely";

/** For the rare statement that must differ by engine (full-text search, bulk inserts). */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
