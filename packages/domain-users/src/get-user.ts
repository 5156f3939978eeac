import { NotFoundError } from "@digistore/core";
import type { UsersContext } from "./ports";
import { normalizeEmail, toUser, type User } from "./user";
import { findUserRowByEmail, findUserRowById } from "./users.repository";

export async function getUserById(deps: Pick<UsersContext, "db">, id: string): Promise<User> {
  const row = await findUserRowById(deps.db, id);
  if (!row) throw new NotFoundError("Account not found.");
  return toUser(row);
}

export async function findUserByEmail(
  deps: Pick<UsersContext, "db">,
  email: string,
): Promise<User | null> {
  const row = await findUserRowByEmail(deps.db, normalizeEmail(email));
  return row ? toUser(row) : null;
}
