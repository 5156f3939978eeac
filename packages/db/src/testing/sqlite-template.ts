import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { sqliteDb, type Db } from "../create-db";
import { migrateToLatest } from "../migrator";
import { migrationsKey } from "./migrations-key";

let image: Buffer | undefined;

/**
 * The bytes of a freshly migrated SQLite database. Built once and kept in the temp directory
 * under the migrations' key, so every test file (each in its own module graph) and every
 * vitest worker reads it instead of migrating. Two workers racing to build it each build their
 * own and rename it into place whole; the file is never seen half written.
 */
function migratedImage(): Promise<Buffer> | Buffer {
  if (image) return image;
  const path = join(tmpdir(), "digistore-test-templates", `sqlite-${migrationsKey()}.db`);
  if (existsSync(path)) return (image = readFileSync(path));
  return buildImage(path);
}

async function buildImage(path: string): Promise<Buffer> {
  const database = new SQLite(":memory:");
  const db = sqliteDb(database);
  try {
    await migrateToLatest(db);
    const built = database.serialize();
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}-${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, built);
    renameSync(partial, path);
    return (image = built);
  } finally {
    await db.close();
  }
}

/** A migrated SQLite: the template's copy in memory, or written to `file` if it is new. */
export async function migratedSqlite(file?: string): Promise<Db> {
  const bytes = await migratedImage();
  if (!file) return used(sqliteDb(new SQLite(bytes)));
  if (existsSync(file)) {
    // An existing file keeps its data; bring it up to date as the server would.
    const db = sqliteDb(new SQLite(file));
    await migrateToLatest(db);
    return db;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return used(sqliteDb(new SQLite(file)));
}

/**
 * Kysely opens its connection on first use and only closes one it opened; a migrated database
 * has been used, so tests that destroy it to see failures still see them.
 */
async function used(db: Db): Promise<Db> {
  await sql`select 1`.execute(db.db);
  return db;
}
