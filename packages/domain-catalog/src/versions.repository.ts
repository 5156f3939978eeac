import type { Database, ProductVersionsTable } from "@digistore/db";
import type { Insertable, Kysely } from "kysely";

export async function insertVersionRow(
  db: Kysely<Database>,
  row: Insertable<ProductVersionsTable>,
): Promise<void> {
  await db.insertInto("product_versions").values(row).execute();
}

export function listVersionRows(db: Kysely<Database>, productId: string) {
  return db
    .selectFrom("product_versions")
    .selectAll()
    .where("product_id", "=", productId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function findVersionRow(db: Kysely<Database>, versionId: string) {
  return db
    .selectFrom("product_versions")
    .selectAll()
    .where("id", "=", versionId)
    .executeTakeFirst();
}

export async function versionLabelTaken(
  db: Kysely<Database>,
  productId: string,
  label: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("product_versions")
    .select("id")
    .where("product_id", "=", productId)
    .where("label", "=", label)
    .executeTakeFirst();
  return row !== undefined;
}
