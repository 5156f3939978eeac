import { sql, type Kysely } from "kysely";

export interface DbHealth {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

/** A round trip to the database, for /healthz and `digistore doctor`. */
export async function checkDbHealth<T>(db: Kysely<T>): Promise<DbHealth> {
  const started = performance.now();
  try {
    await sql`select 1`.execute(db);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
