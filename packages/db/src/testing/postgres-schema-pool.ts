import pg from "pg";
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "../create-db";
import { migrateToLatest } from "../migrator";
import { migrations } from "../migrations/index";
import { migrationsKey } from "./migrations-key";

export interface PooledSchema {
  readonly schema: string;
  readonly db: Db;
  /** Closes the test's connections and hands the schema to the next test. */
  release(): Promise<void>;
}

/**
 * Migrating a PostgreSQL schema costs about half a second, nearly all of it the DDL itself
 * (replaying the recorded statements and `CREATE DATABASE … TEMPLATE` both measured slower).
 * So migrated schemas are kept and reused: a test takes one that no other session holds (an
 * advisory lock on its name, held by a connection of this test's own and gone with it, even if
 * the process dies), empties its tables, and lets go on close. Only schemas built by the same
 * migrations (their key is in the name) are reused; one left half migrated is dropped.
 */
export async function pooledPostgresSchema(base: string): Promise<PooledSchema> {
  const holder = new pg.Client({ connectionString: base });
  // The server may end the session (a restart); the test then fails on its own connections.
  holder.on("error", () => undefined);
  await holder.connect();
  try {
    const prefix = `tpool_${migrationsKey()}_`;
    const { rows } = await holder.query<{ name: string }>(
      "select nspname as name from pg_namespace where starts_with(nspname, $1) order by random()",
      [prefix],
    );
    for (const { name } of rows) {
      if (!(await tryLock(holder, name))) continue;
      const tables = await emptied(holder, name);
      if (tables) return await held(holder, base, name, tables);
      await holder.query(`drop schema if exists "${name}" cascade`);
      await unlock(holder, name);
    }
    const schema = `${prefix}${randomBytes(4).toString("hex")}`;
    await tryLock(holder, schema);
    await holder.query(`create schema "${schema}"`);
    const db = await createDb(base, { searchPath: schema, poolSize: 5 });
    await migrateToLatest(db).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    return await held(holder, base, schema, await tablesOf(holder, schema), db);
  } catch (error) {
    await holder.end().catch(() => undefined);
    throw error;
  }
}

async function held(
  holder: pg.Client,
  base: string,
  schema: string,
  tables: string,
  opened?: Db,
): Promise<PooledSchema> {
  const db = opened ?? (await createDb(base, { searchPath: schema, poolSize: 5 }));
  return {
    schema,
    db,
    release: async () => {
      await db.close();
      // A test that dropped or added a table leaves a schema no other test should get.
      if ((await tablesOf(holder, schema)) !== tables) {
        await holder.query(`drop schema if exists "${schema}" cascade`);
      }
      await holder.end();
    },
  };
}

async function tablesOf(holder: pg.Client, schema: string): Promise<string> {
  const { rows } = await holder.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = $1 order by tablename",
    [schema],
  );
  return rows.map((r) => r.name).join(",");
}

async function tryLock(holder: pg.Client, schema: string): Promise<boolean> {
  const { rows } = await holder.query<{ locked: boolean }>(
    "select pg_try_advisory_lock(hashtext('digistore-test-schema'), hashtext($1)) as locked",
    [schema],
  );
  return rows[0]?.locked === true;
}

async function unlock(holder: pg.Client, schema: string): Promise<void> {
  await holder.query("select pg_advisory_unlock(hashtext('digistore-test-schema'), hashtext($1))", [
    schema,
  ]);
}

/** Empties a fully migrated schema (returns its tables), or finds it half migrated (null). */
async function emptied(holder: pg.Client, schema: string): Promise<string | null> {
  const applied = await holder
    .query<{ n: string }>(`select count(*) as n from "${schema}".kysely_migration`)
    .then(
      (r) => Number(r.rows[0]?.n),
      () => -1,
    );
  if (applied !== Object.keys(migrations).length) return null;
  const { rows } = await holder.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = $1 and not starts_with(tablename, 'kysely_migration')",
    [schema],
  );
  if (rows.length > 0) {
    const tables = rows.map((r) => `"${schema}"."${r.name}"`).join(", ");
    await holder.query(`truncate table ${tables} restart identity`);
  }
  return tablesOf(holder, schema);
}
