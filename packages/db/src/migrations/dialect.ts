import { PostgresAdapter, type Kysely } from "kysely";

/** For the rare migration step that must differ by engine (full-text search). */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
