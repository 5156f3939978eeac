import { NotFoundError, PreconditionFailedError } from "@digistore/core";
import { consumeRateLimit } from "@digistore/rate-limit";
import type { UsersDeps } from "./ports";
import { verificationResendPerUser } from "./rate-limits";
import { issueUserToken } from "./user-tokens";
import { findUserRowById } from "./users.repository";

/** Sends a fresh verification link to a signed-in, unverified user (the old link stops working). */
export async function resendVerification(
  deps: UsersDeps,
  userId: string,
): Promise<{ email: string }> {
  const now = deps.clock.now();
  const row = await findUserRowById(deps.db, userId);
  if (!row) throw new NotFoundError("Account not found.");
  if (row.email_verified_at !== null)
    throw new PreconditionFailedError("Your email is already verified.");
  await consumeRateLimit(deps.db, verificationResendPerUser, userId, now);
  await deps.db.transaction().execute(async (trx) => {
    const token = await issueUserToken(trx, now, userId, "verify_email");
    await deps.emails.queue(trx, {
      kind: "verify_email",
      to: row.email,
      displayName: row.display_name,
      token,
    });
  });
  return { email: row.email };
}
