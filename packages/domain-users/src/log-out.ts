import type { UsersDeps } from "./ports";
import { deleteSession, deleteUserSessions } from "./sessions.repository";

/** Ends this device's session. */
export async function logOut(deps: Pick<UsersDeps, "db">, sessionId: string): Promise<void> {
  await deleteSession(deps.db, sessionId);
}

/** Ends every session of the user, this one included; returns how many ended. */
export function logOutEverywhere(deps: Pick<UsersDeps, "db">, userId: string): Promise<number> {
  return deleteUserSessions(deps.db, userId);
}
