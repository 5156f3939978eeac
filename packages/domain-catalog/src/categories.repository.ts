import type { CategoriesTable, Database } from "@digistore/db";
import type { Insertable, Kysely, Updateable } from "kysely";

export function listCategoryRows(db: Kysely<Database>, includeHidden: boolean) {
  let query = db.selectFrom("categories").selectAll();
  if (!includeHidden) query = query.where("hidden", "=", 0);
  return query.orderBy("position").orderBy("name").execute();
}

export function findCategoryRow(db: Kysely<Database>, id: string) {
  return db.selectFrom("categories").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findCategoryRowBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom("categories").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function insertCategoryRow(
  db: Kysely<Database>,
  row: Insertable<CategoriesTable>,
): Promise<void> {
  await db.insertInto("categories").values(row).execute();
}

export async function updateCategoryRow(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<CategoriesTable>,
): Promise<void> {
  await db.updateTable("categories").set(changes).where("id", "=", id).execute();
}

export async function nextCategoryPosition(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("categories")
    .select((eb) => eb.fn.max("position").as("max"))
    .executeTakeFirst();
  return (row?.max ?? -1) + 1;
}
