import { requireUser } from "@digistore/core";
import type { UsersContext } from "./ports";
import { endActorSession } from "./session";

/** Ends this device's session (the one the actor came with). */
export async function logOut(ctx: Pick<UsersContext, "db" | "actor">): Promise<void> {
  await endActorSession(ctx.db, requireUser(ctx.actor));
}
