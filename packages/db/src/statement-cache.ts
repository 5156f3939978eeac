import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Distinct SQL texts the app issues are a few hundred; the bound only guards ad-hoc SQL. */
const DEFAULT_CAPACITY = 1000;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing (parsing and planning) a
 * statement costs more than running a small one. Reusing the prepared statement per SQL text
 * is safe here: the driver serialises all use of the one connection, and SQLite re-prepares a
 * statement itself when the schema changes under it.
 */
export function withStatementCache(
  database: SqliteDatabase,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        // Most recently used last, so the first key is the one to evict.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
