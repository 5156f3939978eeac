import { Migrator, type Kysely, type MigrationResultSet } from "kysely";
import type { Db } from "./create-db";
import { migrations } from "./migrations/index";

export interface MigrationState {
  readonly name: string;
  readonly executedAt: Date | null;
}

class MigrationError extends Error {
  override name = "MigrationError";
}

function migratorFor({ db, schema }: Db): Migrator {
  return new Migrator({
    db: db as Kysely<unknown>,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Kysely looks its bookkeeping tables up across all schemas; pin it to ours so databases
    // living side by side in one PostgreSQL (tests, several stores) never see each other's.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const cause = result.error instanceof Error ? result.error.message : "unknown error";
    throw new MigrationError(`migration ${failed} failed: ${cause}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. Throws if any fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateToLatest());
}

/** Reverts the most recent migration; returns its name (empty when nothing was applied). */
export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateDown());
}

/** Up or down to exactly `name` (its migration applied, every later one not): for carry-over tests. */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  return unwrap(await migratorFor(db).migrateTo(name));
}

export async function migrationStatus(db: Db): Promise<MigrationState[]> {
  const infos = await migratorFor(db).getMigrations();
  return infos.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
