import { NotFoundError, ValidationError, parseInput, requireUser } from "@digistore/core";
import { hashPassword, verifyPassword } from "./password";
import type { UsersContext } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZChangePasswordInput } from "./users.schemas";

/** Changes the password of a signed-in user; every other device is signed out. */
export async function changePassword(
  ctx: Pick<UsersContext, "db" | "clock" | "emails" | "actor">,
  input: unknown,
): Promise<{ otherSessionsEnded: number }> {
  const actor = requireUser(ctx.actor);
  const { currentPassword, newPassword } = parseInput(ZChangePasswordInput, input);
  const now = ctx.clock.now();
  const row = await findUserRowById(ctx.db, actor.userId);
  if (!row) throw new NotFoundError("Account not found.");
  if (!(await verifyPassword(row.password_hash, currentPassword))) {
    throw new ValidationError("Your current password is not correct.", {
      currentPassword: ["Your current password is not correct."],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    await updateUserRow(trx, row.id, {
      password_hash: passwordHash,
      updated_at: now.toISOString(),
    });
    const ended = await deleteUserSessions(trx, row.id, actor.sessionId ?? undefined);
    await ctx.emails.queue(trx, {
      kind: "password_changed",
      to: row.email,
      displayName: row.display_name,
    });
    return { otherSessionsEnded: ended };
  });
}
