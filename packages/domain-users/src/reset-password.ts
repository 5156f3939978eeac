import { NotFoundError, parseInput } from "@digistore/core";
import { hashPassword } from "./password";
import type { UsersContext } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { consumeUserToken } from "./user-tokens";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZResetPasswordInput } from "./users.schemas";

/**
 * Sets a new password from a reset link and ends every session (whoever had the old password
 * is out). No automatic sign-in: the person logs in with the new password.
 */
export async function resetPassword(
  ctx: Pick<UsersContext, "db" | "clock" | "emails">,
  input: unknown,
): Promise<{ email: string }> {
  const { token, password } = parseInput(ZResetPasswordInput, input);
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const userId = await consumeUserToken(trx, now, token, "reset_password");
    const row = await findUserRowById(trx, userId);
    if (!row) throw new NotFoundError("Account not found.");
    await updateUserRow(trx, userId, {
      password_hash: passwordHash,
      updated_at: now.toISOString(),
    });
    await deleteUserSessions(trx, userId);
    await ctx.emails.queue(trx, {
      kind: "password_changed",
      to: row.email,
      displayName: row.display_name,
    });
    return { email: row.email };
  });
}
