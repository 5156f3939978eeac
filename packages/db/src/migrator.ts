import { Migrator, type Kysely, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations/index";

export interface MigrationState {
  readonly name: string;
  readonly executedAt: Date | null;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

function migratorFor(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`migration ${failed} failed: ${cause}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. Throws if any fails. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  return unwrap(await migratorFor(db as Kysely<unknown>).migrateToLatest());
}

/** Reverts the most recent migration; returns its name (empty when nothing was applied). */
export async function migrateDown<T>(db: Kysely<T>): Promise<string[]> {
  return unwrap(await migratorFor(db as Kysely<unknown>).migrateDown());
}

export async function migrationStatus<T>(db: Kysely<T>): Promise<MigrationState[]> {
  const infos = await migratorFor(db as Kysely<unknown>).getMigrations();
  return infos.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}
