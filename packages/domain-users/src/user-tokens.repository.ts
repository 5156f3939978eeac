import type { Database, UserTokenPurpose, UserTokensTable } from "@digistore/db";
import type { Insertable, Kysely } from "kysely";

export async function replaceUserToken(
  db: Kysely<Database>,
  row: Insertable<UserTokensTable>,
): Promise<void> {
  // One live link per purpose: asking again invalidates the previous email's link.
  await db
    .deleteFrom("user_tokens")
    .where("user_id", "=", row.user_id)
    .where("purpose", "=", row.purpose)
    .where("used_at", "is", null)
    .execute();
  await db.insertInto("user_tokens").values(row).execute();
}

export function findUserToken(db: Kysely<Database>, id: string, purpose: UserTokenPurpose) {
  return db
    .selectFrom("user_tokens")
    .selectAll()
    .where("id", "=", id)
    .where("purpose", "=", purpose)
    .executeTakeFirst();
}

/** Marks a token used only if nobody else did first; false means it was already spent. */
export async function markUserTokenUsed(
  db: Kysely<Database>,
  id: string,
  usedAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable("user_tokens")
    .set({ used_at: usedAt })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
