import { ForbiddenError, parseInput } from "@digistore/core";
import type { SupportDeps, SupportActor } from "./ports";
import { onLockedRequest } from "./request-access";
import { moveRequest } from "./move-request";
import { queueSupportResolved } from "./support-emails";
import { mayResolve, type SupportStatus } from "./support-request";
import { ZSupportRequestRef } from "./support.schemas";

/**
 * The seller (or staff) marks an open or answered request resolved and the customer is
 * emailed. The customer may reply to reopen it or close it; otherwise it closes by itself
 * after 14 days.
 */
export async function resolveSupportRequest(
  deps: SupportDeps,
  actor: SupportActor,
  rawInput: unknown,
): Promise<SupportStatus> {
  const input = parseInput(ZSupportRequestRef, rawInput);
  return onLockedRequest(deps, actor, input.requestId, async (trx, { row, role }, now) => {
    if (!mayResolve(role)) {
      throw new ForbiddenError(
        "Only the seller marks a request resolved: close it if you need nothing more.",
      );
    }
    const at = now.toISOString();
    const status = await moveRequest(trx, row, "resolve", {
      resolved_at: at,
      updated_at: at,
      ...(role === "seller" ? { seller_read_at: at } : {}),
    });
    await queueSupportResolved(trx, deps.emails, row);
    return status;
  });
}
