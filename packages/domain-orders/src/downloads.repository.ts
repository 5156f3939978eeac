import type { Database, DownloadsTable } from "@digistore/db";
import type { Insertable, Kysely } from "kysely";

export async function insertDownloadRow(
  db: Kysely<Database>,
  row: Insertable<DownloadsTable>,
): Promise<void> {
  await db.insertInto("downloads").values(row).execute();
}
