import type { SupportDeps } from "./ports";
import { closeResolvedBefore } from "./support-requests.repository";
import { AUTO_CLOSE_AFTER_MS, nextStatus } from "./support-request";

/**
 * Maintenance (run it periodically): requests resolved 14 days ago or more, and untouched
 * since, close. One conditional UPDATE, so it is safe to run from several processes and
 * never closes a request reopened in the meantime. Returns how many closed.
 */
export async function closeStaleResolvedRequests(
  deps: Pick<SupportDeps, "orders">,
  olderThanMs = AUTO_CLOSE_AFTER_MS,
): Promise<number> {
  const now = deps.orders.clock.now();
  const cutoff = new Date(now.getTime() - olderThanMs).toISOString();
  const to = nextStatus("resolved", "auto_close") ?? "closed";
  return closeResolvedBefore(deps.orders.db, cutoff, to, now.toISOString());
}
