import { ForbiddenError, UnauthorizedError, parseInput } from "@digistore/core";
import { assertNotRateLimited, clearRateLimit, recordRateLimitHit } from "@digistore/rate-limit";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./password";
import type { UsersContext } from "./ports";
import { loginFailuresPerEmail, loginFailuresPerIp } from "./rate-limits";
import { createSession, endActorSession, type IssuedSession } from "./session";
import { toUser, type User } from "./user";
import { findUserRowByEmail, updateUserRow } from "./users.repository";
import { ZLogInInput } from "./users.schemas";

export interface LogInResult extends IssuedSession {
  readonly user: User;
}

const WRONG_CREDENTIALS = "Email or password is incorrect.";

/**
 * Password login. Unknown email and wrong password give the same answer in about the same
 * time; only failures count towards the per-email and per-IP limits, and a success clears
 * the account's counter. Always a new session (no fixation), which replaces the one the
 * caller came with.
 */
export async function logIn(
  ctx: Pick<UsersContext, "db" | "clock" | "client" | "actor">,
  input: unknown,
): Promise<LogInResult> {
  const { email, password } = parseInput(ZLogInInput, input);
  const now = ctx.clock.now();
  const { ip } = ctx.client;
  await assertNotRateLimited(ctx.db, loginFailuresPerEmail, email, now);
  if (ip) await assertNotRateLimited(ctx.db, loginFailuresPerIp, ip, now);

  const row = await findUserRowByEmail(ctx.db, email);
  const ok = row
    ? await verifyPassword(row.password_hash, password)
    : await verifyAgainstDummy(password);
  if (!row || !ok) {
    await recordRateLimitHit(ctx.db, loginFailuresPerEmail, email, now);
    if (ip) await recordRateLimitHit(ctx.db, loginFailuresPerIp, ip, now);
    throw new UnauthorizedError(WRONG_CREDENTIALS);
  }
  if (row.disabled_at !== null) {
    throw new ForbiddenError(
      "This account has been disabled. Contact the store if you think this is a mistake.",
    );
  }
  await clearRateLimit(ctx.db, loginFailuresPerEmail, email);
  if (needsRehash(row.password_hash)) {
    await updateUserRow(ctx.db, row.id, { password_hash: await hashPassword(password) });
  }
  const issued = await createSession(ctx.db, now, row.id, ctx.client);
  await endActorSession(ctx.db, ctx.actor);
  return { ...issued, user: toUser(row) };
}
