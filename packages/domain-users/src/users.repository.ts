import type { Database, UsersTable } from "@digistore/db";
import type { Insertable, Kysely, Updateable } from "kysely";

export function findUserRowByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export function findUserRowById(db: Kysely<Database>, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUserRow(
  db: Kysely<Database>,
  row: Insertable<UsersTable>,
): Promise<void> {
  await db.insertInto("users").values(row).execute();
}

export async function updateUserRow(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<UsersTable>,
): Promise<void> {
  await db.updateTable("users").set(changes).where("id", "=", id).execute();
}

export function searchUserRows(db: Kysely<Database>, query: string, limit: number) {
  // Wildcards typed by the searcher are dropped rather than escaped: escaping differs by engine.
  const like = `%${query.toLowerCase().replace(/[%_\\]/g, "")}%`;
  return db
    .selectFrom("users")
    .selectAll()
    .where((eb) =>
      eb.or([eb("email", "like", like), eb(eb.fn("lower", ["display_name"]), "like", like)]),
    )
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}
