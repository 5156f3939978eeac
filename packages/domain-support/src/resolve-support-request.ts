import { ForbiddenError, parseInput, requireUser } from "@digistore/core";
import { onLockedRequest } from "./on-locked-request";
import type { SupportContext } from "./ports";
import { transitionRequest } from "./transition-request";
import { queueSupportResolved } from "./support-emails";
import { mayResolve, type SupportStatus } from "./support-request";
import { ZSupportRequestRef } from "./support.schemas";

/**
 * The seller (or staff) marks an open or answered request resolved and the customer is
 * emailed. The customer may reply to reopen it or close it; otherwise it closes by itself
 * after 14 days.
 */
export async function resolveSupportRequest(
  ctx: Pick<SupportContext, "db" | "dialect" | "clock" | "actor" | "emails">,
  rawInput: unknown,
): Promise<SupportStatus> {
  requireUser(ctx.actor);
  const input = parseInput(ZSupportRequestRef, rawInput);
  return onLockedRequest(ctx, input.requestId, async (trx, { row, role }, now) => {
    if (!mayResolve(role)) {
      throw new ForbiddenError(
        "Only the seller marks a request resolved: close it if you need nothing more.",
      );
    }
    const at = now.toISOString();
    const status = await transitionRequest(trx, row, "resolve", {
      resolved_at: at,
      updated_at: at,
      ...(role === "seller" ? { seller_read_at: at } : {}),
    });
    await queueSupportResolved(trx, ctx.emails, row);
    return status;
  });
}
