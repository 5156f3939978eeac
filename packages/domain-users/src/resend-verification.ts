import { NotFoundError, PreconditionFailedError, requireUser } from "@digistore/core";
import { consumeRateLimit } from "@digistore/rate-limit";
import type { UsersContext } from "./ports";
import { verificationResendPerUser } from "./rate-limits";
import { issueUserToken } from "./user-tokens";
import { findUserRowById } from "./users.repository";

/** Sends a fresh verification link to a signed-in, unverified user (the old link stops working). */
export async function resendVerification(
  ctx: Pick<UsersContext, "db" | "clock" | "emails" | "actor">,
): Promise<{ email: string }> {
  const { userId } = requireUser(ctx.actor);
  const now = ctx.clock.now();
  const row = await findUserRowById(ctx.db, userId);
  if (!row) throw new NotFoundError("Account not found.");
  if (row.email_verified_at !== null)
    throw new PreconditionFailedError("Your email is already verified.");
  await consumeRateLimit(ctx.db, verificationResendPerUser, userId, now);
  await ctx.db.transaction().execute(async (trx) => {
    const token = await issueUserToken(trx, now, userId, "verify_email");
    await ctx.emails.queue(trx, {
      kind: "verify_email",
      to: row.email,
      displayName: row.display_name,
      token,
    });
  });
  return { email: row.email };
}
