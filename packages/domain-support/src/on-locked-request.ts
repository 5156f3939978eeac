import { NotFoundError, requireUser, type UserActor } from "@digistore/core";
import type { Database, Dialect, SupportRequestsTable } from "@digistore/db";
import type { Kysely } from "kysely";
import type { SupportContext } from "./ports";
import { lockRequestRow } from "./support-requests.repository";
import { roleOf, type SupportRole } from "./support-request";

/**
 * A request, locked, with the actor's part in it. Strangers get NOT_FOUND — never FORBIDDEN —
 * so request ids cannot be probed.
 */
async function loadRequestFor(
  trx: Kysely<Database>,
  dialect: Dialect,
  actor: UserActor,
  requestId: string,
): Promise<{ row: SupportRequestsTable; role: SupportRole }> {
  const row = await lockRequestRow(trx, dialect, requestId);
  const role = row
    ? roleOf(personOf(actor), { customerId: row.user_id, sellerId: row.seller_id })
    : null;
  if (!row || !role) throw new NotFoundError("Support request not found.");
  return { row, role };
}

/** The actor as `roleOf` reads a person. */
export function personOf(actor: UserActor): { id: string; roles: { staff: boolean } } {
  return { id: actor.userId, roles: actor.roles };
}

/**
 * What every verb on one request shares: a signed-in actor, a transaction, the request locked
 * with the actor's part in it (strangers get NOT_FOUND), and the moment it happens.
 */
export function onLockedRequest<T>(
  ctx: Pick<SupportContext, "db" | "dialect" | "clock" | "actor">,
  requestId: string,
  act: (
    trx: Kysely<Database>,
    request: { row: SupportRequestsTable; role: SupportRole; actor: UserActor },
    now: Date,
  ) => Promise<T>,
): Promise<T> {
  const actor = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const request = await loadRequestFor(trx, ctx.dialect, actor, requestId);
    return act(trx, { ...request, actor }, ctx.clock.now());
  });
}
