import { NotFoundError, PreconditionFailedError, parseInput } from "@digistore/core";
import type { UsersDeps } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { toUser, type User } from "./user";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZSetUserDisabledInput } from "./users.schemas";

/** Staff disable or re-enable an account; disabling ends its sessions at once. */
export async function setUserDisabled(
  deps: Pick<UsersDeps, "db" | "clock">,
  actorUserId: string,
  rawInput: unknown,
): Promise<User> {
  const input = parseInput(ZSetUserDisabledInput, rawInput);
  if (input.userId === actorUserId)
    throw new PreconditionFailedError("You cannot disable your own account.");
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findUserRowById(trx, input.userId);
    if (!row) throw new NotFoundError("Account not found.");
    const disabledAt = input.disabled ? (row.disabled_at ?? now) : null;
    await updateUserRow(trx, row.id, { disabled_at: disabledAt, updated_at: now });
    if (input.disabled) await deleteUserSessions(trx, row.id);
    return toUser({ ...row, disabled_at: disabledAt });
  });
}
