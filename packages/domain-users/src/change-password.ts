import { NotFoundError, ValidationError, parseInput } from "@digistore/core";
import { hashPassword, verifyPassword } from "./password";
import type { UsersDeps } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZChangePasswordInput } from "./users.schemas";

/** Changes the password of a signed-in user; every other device is signed out. */
export async function changePassword(
  deps: UsersDeps,
  actor: { userId: string; sessionId: string },
  rawInput: unknown,
): Promise<{ otherSessionsEnded: number }> {
  const input = parseInput(ZChangePasswordInput, rawInput);
  const now = deps.clock.now();
  const row = await findUserRowById(deps.db, actor.userId);
  if (!row) throw new NotFoundError("Account not found.");
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new ValidationError("Your current password is not correct.", {
      currentPassword: ["Your current password is not correct."],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, row.id, {
      password_hash: passwordHash,
      updated_at: now.toISOString(),
    });
    const ended = await deleteUserSessions(trx, row.id, actor.sessionId);
    await deps.emails.queue(trx, {
      kind: "password_changed",
      to: row.email,
      displayName: row.display_name,
    });
    return { otherSessionsEnded: ended };
  });
}
