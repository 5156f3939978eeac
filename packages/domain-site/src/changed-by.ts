import type { Actor } from "@digistore/core";

/** Whom a settings change is recorded against: the staff member, or null for the store itself. */
export function actingUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
