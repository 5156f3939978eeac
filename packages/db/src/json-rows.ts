import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect";
import type { Database } from "./schema";

/** A column filled from JSON, with the type PostgreSQL casts its text to. */
export interface JsonColumn {
  readonly name: string;
  readonly type: "text" | "integer" | "bigint";
}

/**
 * Inserts many rows as one JSON parameter: the SQL text is the same for any number of rows
 * (prepared once, cached) and the engine parses the array in C, where a multi-row VALUES costs
 * the query builder and the driver a parameter each — most of the cost of a large batch.
 * Each row is an array in `columns` order; values are strings, numbers or null. PostgreSQL
 * gets `jsonb`: a `json` element is re-parsed by every `->>`, which made a row cost 3×.
 */
export async function insertJsonRows(
  db: Kysely<Database>,
  table: keyof Database,
  columns: readonly JsonColumn[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(columns.map((column) => sql.ref(column.name)));
  const json = JSON.stringify(rows);
  if (isPostgres(db)) {
    const values = columns.map(
      (column, i) => sql`(item ->> ${sql.lit(i)})::${sql.raw(column.type)}`,
    );
    await sql`insert into ${sql.table(table)} (${names})
      select ${sql.join(values)} from jsonb_array_elements(${json}::jsonb) as item`.execute(db);
    return;
  }
  const values = columns.map((_, i) => sql`value ->> ${sql.lit(i)}`);
  await sql`insert into ${sql.table(table)} (${names})
    select ${sql.join(values)} from json_each(${json})`.execute(db);
}
