import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";

export interface SettingRow {
  readonly key: string;
  readonly value: string;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

export async function findSettingValue(
  db: Kysely<Database>,
  key: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("site_settings")
    .select("value")
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.value;
}

/** Several keys in one query; keys without a row are absent from the map. */
export async function findSettingValues(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("site_settings")
    .select(["key", "value"])
    .where("key", "in", keys)
    .execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Insert or replace one key (one statement, same SQL on SQLite and PostgreSQL). */
export async function upsertSetting(db: Kysely<Database>, row: SettingRow): Promise<void> {
  await db
    .insertInto("site_settings")
    .values({
      key: row.key,
      value: row.value,
      updated_at: row.updatedAt,
      updated_by: row.updatedBy,
    })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        value: row.value,
        updated_at: row.updatedAt,
        updated_by: row.updatedBy,
      }),
    )
    .execute();
}
