import { ForbiddenError, parseInput, requireUser } from "@digistore/core";
import { onLockedRequest } from "./on-locked-request";
import type { SupportContext } from "./ports";
import { transitionRequest } from "./transition-request";
import { mayClose, type SupportStatus } from "./support-request";
import { ZSupportRequestRef } from "./support.schemas";

/**
 * The customer ends a paid request (open, answered or resolved) for good; staff may too, as
 * moderators. The seller cannot: they resolve. The thread stays readable, takes no more
 * replies, and frees the purchase for a new request.
 */
export async function closeSupportRequest(
  ctx: Pick<SupportContext, "db" | "dialect" | "clock" | "actor">,
  rawInput: unknown,
): Promise<SupportStatus> {
  requireUser(ctx.actor);
  const input = parseInput(ZSupportRequestRef, rawInput);
  return onLockedRequest(ctx, input.requestId, (trx, { row, role }, now) => {
    if (!mayClose(role)) {
      throw new ForbiddenError("Only the customer closes a request: mark it resolved instead.");
    }
    const at = now.toISOString();
    return transitionRequest(trx, row, "close", { closed_at: at, updated_at: at });
  });
}
