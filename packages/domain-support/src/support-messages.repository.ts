import type { Database, SupportMessagesTable } from "@digistore/db";
import type { Kysely } from "kysely";

export async function insertMessageRow(
  db: Kysely<Database>,
  row: SupportMessagesTable,
): Promise<void> {
  await db.insertInto("support_messages").values(row).execute();
}

/** A thread, oldest first, with each author's current display name. */
export function listMessageRows(db: Kysely<Database>, requestId: string) {
  return db
    .selectFrom("support_messages as m")
    .innerJoin("users as u", "u.id", "m.author_id")
    .selectAll("m")
    .select("u.display_name as author_name")
    .where("m.request_id", "=", requestId)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .execute();
}
