import { ForbiddenError, parseInput } from "@digistore/core";
import type { SupportDeps, SupportActor } from "./ports";
import { onLockedRequest } from "./request-access";
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
  return onLockedRequest(deps, actor, input.requestId, (trx, { row, role }, now) => {
    if (!mayClose(role)) {
      throw new ForbiddenError("Only the customer closes a request: mark it resolved instead.");
    }
    const at = now.toISOString();
    return moveRequest(trx, row, "close", { closed_at: at, updated_at: at });
  });
}
