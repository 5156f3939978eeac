import { NotFoundError, PreconditionFailedError, parseInput, requireStaff } from "@digistore/core";
import type { UsersContext } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { toUser, type User } from "./user";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZSetUserDisabledInput } from "./users.schemas";

/** Staff disable or re-enable an account; disabling ends its sessions at once. */
export async function setUserDisabled(
  ctx: Pick<UsersContext, "db" | "clock" | "actor">,
  input: unknown,
): Promise<User> {
  const staff = requireStaff(ctx.actor);
  const { userId, disabled } = parseInput(ZSetUserDisabledInput, input);
  if (userId === staff.userId)
    throw new PreconditionFailedError("You cannot disable your own account.");
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findUserRowById(trx, userId);
    if (!row) throw new NotFoundError("Account not found.");
    const disabledAt = disabled ? (row.disabled_at ?? now) : null;
    await updateUserRow(trx, row.id, { disabled_at: disabledAt, updated_at: now });
    if (disabled) await deleteUserSessions(trx, row.id);
    return toUser({ ...row, disabled_at: disabledAt });
  });
}
