import { ForbiddenError, UnauthorizedError, parseInput } from "@digistore/core";
import { assertNotRateLimited, clearRateLimit, recordRateLimitHit } from "@digistore/rate-limit";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./password";
import type { ClientInfo, UsersDeps } from "./ports";
import { loginFailuresPerEmail, loginFailuresPerIp } from "./rate-limits";
import { createSession, type IssuedSession } from "./session";
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
 * the account's counter. Always a new session (no fixation).
 */
export async function logIn(
  deps: UsersDeps,
  rawInput: unknown,
  client: ClientInfo = {},
): Promise<LogInResult> {
  const input = parseInput(ZLogInInput, rawInput);
  const now = deps.clock.now();
  await assertNotRateLimited(deps.db, loginFailuresPerEmail, input.email, now);
  if (client.ip) await assertNotRateLimited(deps.db, loginFailuresPerIp, client.ip, now);

  const row = await findUserRowByEmail(deps.db, input.email);
  const ok = row
    ? await verifyPassword(row.password_hash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!row || !ok) {
    await recordRateLimitHit(deps.db, loginFailuresPerEmail, input.email, now);
    if (client.ip) await recordRateLimitHit(deps.db, loginFailuresPerIp, client.ip, now);
    throw new UnauthorizedError(WRONG_CREDENTIALS);
  }
  if (row.disabled_at !== null) {
    throw new ForbiddenError(
      "This account has been disabled. Contact the store if you think this is a mistake.",
    );
  }
  await clearRateLimit(deps.db, loginFailuresPerEmail, input.email);
  if (needsRehash(row.password_hash)) {
    await updateUserRow(deps.db, row.id, { password_hash: await hashPassword(input.password) });
  }
  const issued = await createSession(deps.db, now, row.id, client);
  return { ...issued, user: toUser(row) };
}
