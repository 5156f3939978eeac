import { NotFoundError, parseInput } from "@digistore/core";
import { hashPassword } from "./password";
import type { UsersDeps } from "./ports";
import { deleteUserSessions } from "./sessions.repository";
import { consumeUserToken } from "./user-tokens";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZResetPasswordInput } from "./users.schemas";

/**
 * Sets a new password from a reset link and ends every session (whoever had the old password
 * is out). No automatic sign-in: the person logs in with the new password.
 */
export async function resetPassword(
  deps: UsersDeps,
  rawInput: unknown,
): Promise<{ email: string }> {
  const input = parseInput(ZResetPasswordInput, rawInput);
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const userId = await consumeUserToken(trx, now, input.token, "reset_password");
    const row = await findUserRowById(trx, userId);
    if (!row) throw new NotFoundError("Account not found.");
    await updateUserRow(trx, userId, {
      password_hash: passwordHash,
      updated_at: now.toISOString(),
    });
    await deleteUserSessions(trx, userId);
    await deps.emails.queue(trx, {
      kind: "password_changed",
      to: row.email,
      displayName: row.display_name,
    });
    return { email: row.email };
  });
}
