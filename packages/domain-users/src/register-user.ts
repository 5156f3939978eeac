import { newId, parseInput } from "@digistore/core";
import { consumeRateLimit } from "@digistore/rate-limit";
import { hashPassword } from "./password";
import type { UsersContext } from "./ports";
import { registrationsPerIp } from "./rate-limits";
import { issueUserToken } from "./user-tokens";
import { findUserRowByEmail, insertUserRow } from "./users.repository";
import { ZRegisterInput } from "./users.schemas";

export interface RegisterResult {
  /** Where the verification (or "you already have an account") email went. */
  readonly email: string;
}

/**
 * Creates a customer and emails a verification link. A taken address gets the same answer
 * and the owner gets an "account exists" email instead, so sign-up never reveals who is
 * registered. Signing in happens through the emailed link (or the password, later).
 */
export async function registerUser(
  ctx: Pick<UsersContext, "db" | "clock" | "emails" | "client">,
  input: unknown,
): Promise<RegisterResult> {
  const { email, password, displayName } = parseInput(ZRegisterInput, input);
  const now = ctx.clock.now();
  const { ip } = ctx.client;
  if (ip) await consumeRateLimit(ctx.db, registrationsPerIp, ip, now);
  // Hash before looking up so both branches cost the same.
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await findUserRowByEmail(trx, email);
    if (existing) {
      await ctx.emails.queue(trx, {
        kind: "account_exists",
        to: existing.email,
        displayName: existing.display_name,
      });
      return;
    }
    const id = newId(now.getTime());
    await insertUserRow(trx, {
      id,
      email,
      display_name: displayName,
      password_hash: passwordHash,
      email_verified_at: null,
      is_customer: 1,
      is_seller: 0,
      is_staff: 0,
      seller_terms_accepted_at: null,
      disabled_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    const token = await issueUserToken(trx, now, id, "verify_email");
    await ctx.emails.queue(trx, { kind: "verify_email", to: email, displayName, token });
  });
  return { email };
}
