import { parseInput, requireStaff } from "@digistore/core";
import type { UsersContext } from "./ports";
import { toUser, type User } from "./user";
import { searchUserRows } from "./users.repository";
import { ZSearchUsersInput } from "./users.schemas";

/** Staff search by email or name, newest first. */
export async function searchUsers(
  ctx: Pick<UsersContext, "db" | "actor">,
  input: unknown,
): Promise<User[]> {
  requireStaff(ctx.actor);
  const { query, limit } = parseInput(ZSearchUsersInput, input);
  const rows = await searchUserRows(ctx.db, query, limit);
  return rows.map(toUser);
}
