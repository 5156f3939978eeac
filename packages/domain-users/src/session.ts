import { DAY, type Actor } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import type { ClientInfo, UsersContext } from "./ports";
import {
  deleteSession,
  extendSession,
  findSessionWithUser,
  insertSession,
} from "./sessions.repository";
import { generateSecretToken, hashSecretToken } from "./tokens";
import { toUser, type User } from "./user";

const SESSION_TTL_MS = 30 * DAY;
/** Sliding expiry: a session used after half its life is pushed back to the full 30 days. */
const REFRESH_WHEN_REMAINING_MS = SESSION_TTL_MS / 2;

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly expiresAt: string;
}

export interface IssuedSession {
  /** The secret for the cookie; never stored. */
  readonly token: string;
  readonly session: Session;
}

export async function createSession(
  db: Kysely<Database>,
  now: Date,
  userId: string,
  client: ClientInfo = {},
): Promise<IssuedSession> {
  const token = generateSecretToken();
  const session = {
    id: hashSecretToken(token),
    userId,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  };
  await insertSession(db, {
    id: session.id,
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: session.expiresAt,
    ip: client.ip?.slice(0, 64) ?? null,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, session };
}

/**
 * Ends the session the actor came with, if any: signing in again (password or emailed link)
 * replaces whatever the browser held before, so no session outlives its cookie.
 */
export async function endActorSession(db: Kysely<Database>, actor: Actor): Promise<void> {
  if (actor.kind === "user" && actor.sessionId) await deleteSession(db, actor.sessionId);
}

export interface ValidatedSession {
  readonly session: Session;
  readonly user: User;
  /** True when the expiry moved: the cookie should be re-sent with the new date. */
  readonly refreshed: boolean;
}

/** Resolves a cookie token to its user, on every request. Expired or disabled → null. */
export async function validateSessionToken(
  deps: Pick<UsersContext, "db" | "clock">,
  token: string,
): Promise<ValidatedSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const now = deps.clock.now();
  const row = await findSessionWithUser(deps.db, hashSecretToken(token));
  if (!row) return null;
  const { session_id, session_expires_at, session_created_at: _created, ...userRow } = row;
  const expiresAt = new Date(session_expires_at).getTime();
  if (expiresAt <= now.getTime() || userRow.disabled_at !== null) {
    await deleteSession(deps.db, session_id);
    return null;
  }
  let expires = session_expires_at;
  const refreshed = expiresAt - now.getTime() < REFRESH_WHEN_REMAINING_MS;
  if (refreshed) {
    expires = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    await extendSession(deps.db, session_id, expires);
  }
  return {
    session: { id: session_id, userId: userRow.id, expiresAt: expires },
    user: toUser(userRow),
    refreshed,
  };
}
