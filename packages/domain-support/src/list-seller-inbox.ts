import { parseInput, requireSeller } from "@digistore/core";
import type { SupportContext } from "./ports";
import { listSellerRequestViewRows } from "./support-requests.repository";
import { ZSellerInboxFilter } from "./support.schemas";
import { toSupportRequestSummary, type SupportRequestSummary } from "./support-summary";

/**
 * The seller's support inbox: requests for their products that were paid (unpaid and expired
 * ones are not theirs to answer), latest activity first, each with the seller's unread flag.
 * Filter by status, product and customer. Sellers only; it only ever lists their own products' requests.
 */
export async function listSellerInbox(
  ctx: Pick<SupportContext, "db" | "actor">,
  rawFilter?: unknown,
): Promise<SupportRequestSummary[]> {
  const seller = requireSeller(ctx.actor);
  const { limit, ...filter } = parseInput(ZSellerInboxFilter, rawFilter);
  const rows = await listSellerRequestViewRows(ctx.db, seller.userId, filter, limit);
  return rows.map((row) => toSupportRequestSummary(row, "seller"));
}
