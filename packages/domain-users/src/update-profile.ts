import { NotFoundError, parseInput, requireUser } from "@digistore/core";
import type { UsersContext } from "./ports";
import { toUser, type User } from "./user";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZUpdateProfileInput } from "./users.schemas";

/** The signed-in person renames themselves. */
export async function updateProfile(
  ctx: Pick<UsersContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<User> {
  const { userId } = requireUser(ctx.actor);
  const { displayName } = parseInput(ZUpdateProfileInput, input);
  await updateUserRow(ctx.db, userId, {
    display_name: displayName,
    updated_at: ctx.clock.now().toISOString(),
  });
  const row = await findUserRowById(ctx.db, userId);
  if (!row) throw new NotFoundError("Account not found.");
  return toUser(row);
}
