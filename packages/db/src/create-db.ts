import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import type { CustomTypesConfig } from "pg";
import { z } from "zod";
import { parseDatabaseUrl, type Dialect } from "./database-url";
import { withStatementCache } from "./statement-cache";
import type { Database } from "./schema";

export interface Db {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** PostgreSQL: the schema this connection's tables live in (its current_schema). */
  readonly schema?: string;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL pool size per process. */
  readonly poolSize?: number;
  /** PostgreSQL schema to use instead of `public` (isolated test databases). */
  readonly searchPath?: string;
}

export async function createDb(url: string, options: CreateDbOptions = {}): Promise<Db> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === "sqlite") return openSqlite(target.filename);
  return openPostgres(target.connectionString, options);
}

async function openSqlite(filename: string): Promise<Db> {
  const { default: SQLite } = await import("better-sqlite3");
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
  return sqliteDb(new SQLite(filename));
}

/** A Db over an open better-sqlite3 handle (a file, memory, or a deserialized image). */
export function sqliteDb(database: BetterSqlite3.Database): Db {
  // WAL lets readers run during a write; busy_timeout waits out a concurrent writer (CLI,
  // worker) instead of failing with SQLITE_BUSY.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
  return {
    db,
    dialect: "sqlite",
    close: async () => {
      await db.destroy();
      // Kysely only closes a connection it has used; a Db closed unused must close too.
      if (database.open) database.close();
    },
  };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** An int8/numeric value as a JS number; one that would lose digits is refused, not rounded. */
const ZExactNumber = z
  .string()
  .transform(Number)
  .refine(
    (n) => !Number.isInteger(n) || Number.isSafeInteger(n),
    "PostgreSQL returned an integer beyond 2^53; it cannot be read as a JS number exactly",
  );

function exactNumber(value: string): number {
  return ZExactNumber.parse(value);
}

/**
 * Amounts are bigint columns and COUNT/SUM come back as int8/numeric strings; every amount the
 * app accepts (core's MAX_AMOUNT) fits in a double, so read them as numbers and keep one row
 * shape across engines.
 */
function numericTypes(fallback: (oid: number, format: "text") => unknown) {
  const parse = (oid: number, format: "text"): unknown =>
    oid === INT8_OID || oid === NUMERIC_OID ? exactNumber : fallback(oid, format);
  return { getTypeParser: parse } as unknown as CustomTypesConfig;
}

async function openPostgres(connectionString: string, options: CreateDbOptions): Promise<Db> {
  // Imported lazily so an SQLite-only install never loads the pg driver.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: numericTypes(pg.types.getTypeParser),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Asking once also proves the server is reachable, so a bad URL fails at boot, not later.
  try {
    const { rows } = await sql<{
      schema: string | null;
    }>`select current_schema() as schema`.execute(db);
    return {
      db,
      dialect: "postgres",
      schema: rows[0]?.schema ?? "public",
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
