import { parseInput } from "@digistore/core";
import { consumeRateLimit } from "@digistore/rate-limit";
import type { UsersContext } from "./ports";
import { passwordResetPerEmail, passwordResetPerIp } from "./rate-limits";
import { issueUserToken } from "./user-tokens";
import { findUserRowByEmail } from "./users.repository";
import { ZRequestPasswordResetInput } from "./users.schemas";

/**
 * Emails a one-hour reset link if the address has an account. The answer is the same either
 * way, and the limits apply to any address, so nothing here reveals who is registered.
 */
export async function requestPasswordReset(
  ctx: Pick<UsersContext, "db" | "clock" | "emails" | "client">,
  input: unknown,
): Promise<{ email: string }> {
  const { email } = parseInput(ZRequestPasswordResetInput, input);
  const now = ctx.clock.now();
  const { ip } = ctx.client;
  if (ip) await consumeRateLimit(ctx.db, passwordResetPerIp, ip, now);
  await consumeRateLimit(ctx.db, passwordResetPerEmail, email, now);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findUserRowByEmail(trx, email);
    if (!row || row.disabled_at !== null) return;
    const token = await issueUserToken(trx, now, row.id, "reset_password");
    await ctx.emails.queue(trx, {
      kind: "reset_password",
      to: row.email,
      displayName: row.display_name,
      token,
    });
  });
  return { email };
}
