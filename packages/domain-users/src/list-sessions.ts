import { requireUser } from "@digistore/core";
import type { UsersContext } from "./ports";
import { listUserSessions } from "./sessions.repository";

export interface SessionSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly current: boolean;
}

/** The user's live sessions for the account page ("where am I signed in"). */
export async function listSessions(
  ctx: Pick<UsersContext, "db" | "clock" | "actor">,
): Promise<SessionSummary[]> {
  const actor = requireUser(ctx.actor);
  const rows = await listUserSessions(ctx.db, actor.userId, ctx.clock.now().toISOString());
  return rows.map((r) => ({
    // Only a prefix of the hash: enough to tell sessions apart, useless as a credential.
    id: r.id.slice(0, 12),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.id === actor.sessionId,
  }));
}
