import { NotFoundError } from "@digistore/core";
import type { Database, Dialect, SupportRequestsTable } from "@digistore/db";
import type { User } from "@digistore/domain-users";
import type { Kysely } from "kysely";
import type { SupportActor, SupportDeps } from "./ports";
import { lockRequestRow } from "./support-requests.repository";
import { roleOf, type SupportRole } from "./support-request";

/**
 * A request, locked, with the actor's part in it. Strangers get NOT_FOUND — never FORBIDDEN —
 * so request ids cannot be probed.
 */
async function loadRequestFor(
  trx: Kysely<Database>,
  dialect: Dialect,
  user: User,
  requestId: string,
): Promise<{ row: SupportRequestsTable; role: SupportRole }> {
  const row = await lockRequestRow(trx, dialect, requestId);
  const role = row ? roleOf(user, { customerId: row.user_id, sellerId: row.seller_id }) : null;
  if (!row || !role) throw new NotFoundError("Support request not found.");
  return { row, role };
}

/**
 * What every verb on one request shares: a transaction, the request locked with the actor's
 * part in it (strangers get NOT_FOUND), and the moment it happens.
 */
export function onLockedRequest<T>(
  deps: SupportDeps,
  actor: SupportActor,
  requestId: string,
  act: (
    trx: Kysely<Database>,
    request: { row: SupportRequestsTable; role: SupportRole },
    now: Date,
  ) => Promise<T>,
): Promise<T> {
  const { db, dialect, clock } = deps.orders;
  return db.transaction().execute(async (trx) => {
    const request = await loadRequestFor(trx, dialect, actor.user, requestId);
    return act(trx, request, clock.now());
  });
}
