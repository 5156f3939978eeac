import { parseInput } from "@digistore/core";
import { consumeRateLimit } from "@digistore/rate-limit";
import type { ClientInfo, UsersDeps } from "./ports";
import { passwordResetPerEmail, passwordResetPerIp } from "./rate-limits";
import { issueUserToken } from "./user-tokens";
import { findUserRowByEmail } from "./users.repository";
import { ZRequestPasswordResetInput } from "./users.schemas";

/**
 * Emails a one-hour reset link if the address has an account. The answer is the same either
 * way, and the limits apply to any address, so nothing here reveals who is registered.
 */
export async function requestPasswordReset(
  deps: UsersDeps,
  rawInput: unknown,
  client: ClientInfo = {},
): Promise<{ email: string }> {
  const { email } = parseInput(ZRequestPasswordResetInput, rawInput);
  const now = deps.clock.now();
  if (client.ip) await consumeRateLimit(deps.db, passwordResetPerIp, client.ip, now);
  await consumeRateLimit(deps.db, passwordResetPerEmail, email, now);
  await deps.db.transaction().execute(async (trx) => {
    const row = await findUserRowByEmail(trx, email);
    if (!row || row.disabled_at !== null) return;
    const token = await issueUserToken(trx, now, row.id, "reset_password");
    await deps.emails.queue(trx, {
      kind: "reset_password",
      to: row.email,
      displayName: row.display_name,
      token,
    });
  });
  return { email };
}
