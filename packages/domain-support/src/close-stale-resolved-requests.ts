import { parseInput, requireStaffOrSystem } from "@digistore/core";
import type { SupportContext } from "./ports";
import { closeResolvedBefore } from "./support-requests.repository";
import { nextStatus } from "./support-request";
import { ZCloseStaleResolvedRequestsInput } from "./support.schemas";

/**
 * Housekeeping (the store itself runs it periodically, as SYSTEM): requests resolved 14 days
 * ago or more, and untouched since, close. One conditional UPDATE, so it is safe to run from
 * several processes and never closes a request reopened in the meantime. Returns how many.
 */
export async function closeStaleResolvedRequests(
  ctx: Pick<SupportContext, "db" | "clock" | "actor">,
  rawInput?: unknown,
): Promise<number> {
  requireStaffOrSystem(ctx.actor);
  const input = parseInput(ZCloseStaleResolvedRequestsInput, rawInput);
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - input.olderThanMs).toISOString();
  const to = nextStatus("resolved", "auto_close") ?? "closed";
  return closeResolvedBefore(ctx.db, cutoff, to, now.toISOString());
}
