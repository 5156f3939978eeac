import { requireUser } from "@digistore/core";
import type { UsersContext } from "./ports";
import { deleteUserSessions } from "./sessions.repository";

/** Ends every session of the signed-in person, this one included; returns how many ended. */
export async function logOutEverywhere(ctx: Pick<UsersContext, "db" | "actor">): Promise<number> {
  return deleteUserSessions(ctx.db, requireUser(ctx.actor).userId);
}
