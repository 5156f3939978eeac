import { NotFoundError } from "@digistore/core";
import type { UsersDeps } from "./ports";
import { normalizeEmail, toUser, type User } from "./user";
import { findUserRowByEmail, findUserRowById, searchUserRows } from "./users.repository";

export async function getUserById(deps: Pick<UsersDeps, "db">, id: string): Promise<User> {
  const row = await findUserRowById(deps.db, id);
  if (!row) throw new NotFoundError("Account not found.");
  return toUser(row);
}

export async function findUserByEmail(
  deps: Pick<UsersDeps, "db">,
  email: string,
): Promise<User | null> {
  const row = await findUserRowByEmail(deps.db, normalizeEmail(email));
  return row ? toUser(row) : null;
}

/** Staff search by email or name, newest first. */
export async function searchUsers(
  deps: Pick<UsersDeps, "db">,
  query: string,
  limit = 50,
): Promise<User[]> {
  const rows = await searchUserRows(
    deps.db,
    query.trim().slice(0, 100),
    Math.min(Math.max(limit, 1), 100),
  );
  return rows.map(toUser);
}
