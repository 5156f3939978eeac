import { HOUR, PreconditionFailedError } from "@digistore/core";
import type { Database, UserTokenPurpose } from "@digistore/db";
import type { Kysely } from "kysely";
import { generateSecretToken, hashSecretToken } from "./tokens";
import { findUserToken, markUserTokenUsed, replaceUserToken } from "./user-tokens.repository";

const TOKEN_TTL_MS: Record<UserTokenPurpose, number> = {
  verify_email: 24 * HOUR,
  reset_password: 1 * HOUR,
};

/** Makes a single-use emailed token; only its hash is stored. */
export async function issueUserToken(
  db: Kysely<Database>,
  now: Date,
  userId: string,
  purpose: UserTokenPurpose,
): Promise<string> {
  const token = generateSecretToken();
  await replaceUserToken(db, {
    id: hashSecretToken(token),
    user_id: userId,
    purpose,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + TOKEN_TTL_MS[purpose]).toISOString(),
    used_at: null,
  });
  return token;
}

/** Spends a token once: unknown, expired and already-used tokens all fail with advice. */
export async function consumeUserToken(
  db: Kysely<Database>,
  now: Date,
  token: string,
  purpose: UserTokenPurpose,
): Promise<string> {
  const id = hashSecretToken(token);
  const row = await findUserToken(db, id, purpose);
  const askAgain =
    purpose === "verify_email" ? "Ask for a new verification email." : "Ask for a new reset link.";
  if (!row) throw new PreconditionFailedError(`This link is invalid. ${askAgain}`);
  if (row.used_at !== null)
    throw new PreconditionFailedError(`This link has already been used. ${askAgain}`);
  if (row.expires_at <= now.toISOString()) {
    throw new PreconditionFailedError(`This link has expired. ${askAgain}`);
  }
  if (!(await markUserTokenUsed(db, id, now.toISOString()))) {
    throw new PreconditionFailedError(`This link has already been used. ${askAgain}`);
  }
  return row.user_id;
}
