import { ForbiddenError, UnauthorizedError } from "./errors";

export interface ActorRoles {
  readonly seller: boolean;
  readonly staff: boolean;
}

/** A signed-in person. `sessionId` is null when no session is behind the call (CLI, tests). */
export interface UserActor {
  readonly kind: "user";
  readonly userId: string;
  readonly roles: ActorRoles;
  readonly sessionId: string | null;
}

/**
 * Who a verb acts for — the one shape every domain reads. `system` is the store itself
 * (webhooks, housekeeping, the CLI's seed): trusted, but never a person.
 */
export type Actor = { readonly kind: "anonymous" } | { readonly kind: "system" } | UserActor;

export const ANONYMOUS: Actor = Object.freeze({ kind: "anonymous" });
export const SYSTEM: Actor = Object.freeze({ kind: "system" });

export function userActor(
  user: { readonly id: string; readonly roles: ActorRoles },
  sessionId: string | null = null,
): UserActor {
  return {
    kind: "user",
    userId: user.id,
    roles: { seller: user.roles.seller, staff: user.roles.staff },
    sessionId,
  };
}

/** The person behind the call, or UNAUTHORIZED. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== "user") throw new UnauthorizedError("Sign in to do this.");
  return actor;
}

export function isStaff(actor: Actor): boolean {
  return actor.kind === "user" && actor.roles.staff;
}

/** Staff only: a person with the staff role. */
export function requireStaff(actor: Actor, message = "Only staff can do this."): UserActor {
  const user = requireUser(actor);
  if (!user.roles.staff) throw new ForbiddenError(message);
  return user;
}

/** A person with the seller role; domains add their own staff exceptions where PRODUCT.md has them. */
export function requireSeller(actor: Actor, message = "Only sellers can do this."): UserActor {
  const user = requireUser(actor);
  if (!user.roles.seller) throw new ForbiddenError(message);
  return user;
}

/** Staff or the store itself (jobs and webhooks); never an ordinary person. */
export function requireStaffOrSystem(actor: Actor): void {
  if (actor.kind === "system") return;
  requireStaff(actor);
}
