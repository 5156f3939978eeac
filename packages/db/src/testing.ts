import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { createDb, type Db } from "./create-db";
import type { Dialect } from "./database-url";
import { pooledPostgresSchema } from "./testing/postgres-schema-pool";
import { migratedSqlite } from "./testing/sqlite-template";

const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

/**
 * Dialects the suite must cover, from `DIALECTS` (default sqlite; CI sets sqlite,postgres).
 * An unknown name fails loudly rather than silently testing less.
 */
export function testDialects(): Dialect[] {
  const names = (process.env.DIALECTS ?? "sqlite")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  for (const name of names) {
    if (name !== "sqlite" && name !== "postgres") {
      throw new Error(`DIALECTS contains "${name}"; allowed: sqlite, postgres`);
    }
  }
  return names as Dialect[];
}

function testPostgresUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_POSTGRES_URL;
}

export interface TestDb extends Db {
  /** A URL another process (a server under test) can open to reach the same database. */
  readonly url: string;
}

export interface CreateTestDbOptions {
  readonly dialect: Dialect;
  /** Skip migrations (for migration tests). */
  readonly migrate?: boolean;
  /** SQLite file instead of memory, so a second process can open it. */
  readonly file?: string;
}

/**
 * A fresh, migrated database per test: an in-memory (or temp-file) SQLite copied from a
 * template migrated once, or a PostgreSQL schema (migrated once, then reused emptied). With
 * `migrate: false`, an empty SQLite or a new PostgreSQL schema dropped on close. If PostgreSQL
 * is asked for and not reachable, this throws.
 */
export async function createTestDb(options: CreateTestDbOptions): Promise<TestDb> {
  const migrate = options.migrate !== false;
  if (options.dialect === "sqlite") {
    const url = options.file ? `file:${options.file}` : ":memory:";
    const db = migrate ? await migratedSqlite(options.file) : await createDb(url);
    return { ...db, url };
  }
  // Under heavy parallel load a fresh schema has, rarely, vanished mid-migration (cause not yet
  // found; see the closing notes). Taking a schema is cheap: try again rather than fail the test.
  for (let attempt = 1; ; attempt++) {
    try {
      return migrate ? await pooledTestDb() : await emptyPostgresTestDb();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function pooledTestDb(): Promise<TestDb> {
  const base = testPostgresUrl();
  const pooled = await reachable(base, () => pooledPostgresSchema(base));
  return { ...pooled.db, url: searchPathUrl(base, pooled.schema), close: pooled.release };
}

async function emptyPostgresTestDb(): Promise<TestDb> {
  const base = testPostgresUrl();
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = await reachable(base, () => createDb(base, { poolSize: 1 }));
  try {
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  } catch (error) {
    await admin.close();
    throw error;
  }
  const db = await createDb(base, { searchPath: schema, poolSize: 5 });
  return {
    ...db,
    url: searchPathUrl(base, schema),
    close: async () => {
      await db.close();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    },
  };
}

/** Runs `connect`, naming the server in the error when PostgreSQL cannot be reached at all. */
async function reachable<T>(base: string, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "ECONNREFUSED" && code !== "ENOTFOUND" && code !== "28P01" && code !== "3D000")
      throw error;
    throw new Error(
      `PostgreSQL is required by DIALECTS but not reachable at ${base}: ${error instanceof Error ? error.message : "unknown error"}`,
      { cause: error },
    );
  }
}

/** A URL another process (a server under test) opens to reach `schema`. */
function searchPathUrl(base: string, schema: string): string {
  const separator = base.includes("?") ? "&" : "?";
  // No parallel workers: the one flake seen ("schema t_… does not exist") came from a parallel
  // query worker resolving a test schema; test tables are too small to gain from them.
  const settings = `-c search_path=${schema} -c max_parallel_workers_per_gather=0`;
  return `${base}${separator}options=${encodeURIComponent(settings)}`;
}

export { RecordingOutbox, type RecordableEmail } from "./testing/recording-outbox";
export { insertSellerProduct } from "./test-rows";
