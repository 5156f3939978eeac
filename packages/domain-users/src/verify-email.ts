import { ForbiddenError, parseInput } from "@digistore/core";
import type { UsersContext } from "./ports";
import { createSession, endActorSession, type IssuedSession } from "./session";
import { toUser, type User } from "./user";
import { consumeUserToken } from "./user-tokens";
import { findUserRowById, updateUserRow } from "./users.repository";
import { ZVerifyEmailInput } from "./users.schemas";

export interface VerifyEmailResult extends IssuedSession {
  readonly user: User;
}

/**
 * Spends a verification link: marks the email verified and signs the person in, since holding
 * the link proves they own the address (in a new session, replacing the caller's).
 */
export async function verifyEmail(
  ctx: Pick<UsersContext, "db" | "clock" | "client" | "actor">,
  input: unknown,
): Promise<VerifyEmailResult> {
  const { token } = parseInput(ZVerifyEmailInput, input);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const userId = await consumeUserToken(trx, now, token, "verify_email");
    const row = await findUserRowById(trx, userId);
    if (!row || row.disabled_at !== null)
      throw new ForbiddenError("This account has been disabled.");
    const verifiedAt = row.email_verified_at ?? now.toISOString();
    if (row.email_verified_at === null) {
      await updateUserRow(trx, userId, {
        email_verified_at: verifiedAt,
        updated_at: now.toISOString(),
      });
    }
    const issued = await createSession(trx, now, userId, ctx.client);
    await endActorSession(trx, ctx.actor);
    return { ...issued, user: toUser({ ...row, email_verified_at: verifiedAt }) };
  });
}
