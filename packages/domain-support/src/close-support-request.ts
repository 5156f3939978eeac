import { ForbiddenError, parseInput } from "@digistore/core";
import type { SupportDeps, SupportActor } from "./ports";
import { loadRequestFor } from "./request-access";
import { moveRequest } from "./move-request";
import { mayClose, type SupportStatus } from "./support-request";
import { ZSupportRequestRef } from "./support.schemas";

/**
 * The customer ends a paid request (open, answered or resolved) for good; staff may too, as
 * moderators. The seller cannot: they resolve. The thread stays readable, takes no more
 * replies, and frees the purchase for a new request.
 */
export async function closeSupportRequest(
  deps: SupportDeps,
  actor: SupportActor,
  rawInput: unknown,
): Promise<SupportStatus> {
  const input = parseInput(ZSupportRequestRef, rawInput);
  const { db, dialect, clock } = deps.orders;
  return db.transaction().execute(async (trx) => {
    const { row, role } = await loadRequestFor(trx, dialect, actor.user, input.requestId);
    if (!mayClose(role)) {
      throw new ForbiddenError("Only the customer closes a request: mark it resolved instead.");
    }
    const at = clock.now().toISOString();
    return moveRequest(trx, row, "close", { closed_at: at, updated_at: at });
  });
}
