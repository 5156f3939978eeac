import { createDb } from "@digistore/db";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { LoadResult } from "./load";
import type { Ratio, ScenarioReport } from "./scenario";

const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

export type DialectLabel = "sqlite" | "postgres";

/** One dialect's half of a scenario. */
export interface DialectRun {
  readonly results: LoadResult[];
  readonly ratios: Ratio[];
  readonly notes: Record<string, unknown>;
  /** Checks that did not hold, each naming its dialect. */
  readonly failures?: string[];
}

/** A throwaway schema in the bench PostgreSQL, or why there is none (not reachable). */
async function postgresSchema(): Promise<
  { url: string; drop(): Promise<void> } | { skipped: string }
> {
  // The same server the tests use (TEST_DATABASE_URL), in a schema of its own.
  const base = process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  let admin: Awaited<ReturnType<typeof createDb>>;
  try {
    admin = await createDb(base, { poolSize: 1 });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  } catch (error) {
    return {
      skipped: `PostgreSQL not reachable at ${base}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const separator = base.includes("?") ? "&" : "?";
  return {
    url: `${base}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    },
  };
}

/**
 * Runs `runOn` on SQLite (the store's own fresh file: `env` is empty) and then on PostgreSQL
 * (`env.DATABASE_URL` names a throwaway schema; skipped with a message when PostgreSQL is not
 * reachable), and merges both halves into one report, notes keyed by dialect.
 */
export async function onSqliteAndPostgres(
  runOn: (label: DialectLabel, env: Record<string, string>) => Promise<DialectRun>,
): Promise<ScenarioReport> {
  const sqlite = await runOn("sqlite", {});
  const results = [...sqlite.results];
  const ratios = [...sqlite.ratios];
  const notes: Record<string, unknown> = { sqlite: sqlite.notes };
  const failures = [...(sqlite.failures ?? [])];
  const pg = await postgresSchema();
  if ("skipped" in pg) {
    console.log(`${pg.skipped}: skipping the PostgreSQL half.`);
    notes.postgres = { skipped: pg.skipped };
  } else {
    try {
      const postgres = await runOn("postgres", { DATABASE_URL: pg.url });
      results.push(...postgres.results);
      ratios.push(...postgres.ratios);
      notes.postgres = postgres.notes;
      failures.push(...(postgres.failures ?? []));
    } finally {
      await pg.drop();
    }
  }
  return { results, ratios, notes, failures };
}
